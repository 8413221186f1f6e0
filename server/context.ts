// What every route plugin of the pairing server works with.
import type { AddressLimits } from './address-limits.js';
import type { HostPolicy } from './host-policy.js';
import type { ServerStore } from '../db/server/server-store.js';
import type { Authenticator } from './auth.js';
import type { ServerConfig } from './config.js';
import type { RequestStats } from './stats.js';
import type { Relay } from './relay/attach-relay.js';
import type { PhoneIdentityInput } from '../protocol/pairing.js';

export interface ServerContext {
  readonly config: ServerConfig;
  readonly store: ServerStore;
  readonly auth: Authenticator;
  readonly stats: RequestStats;
  readonly relay: Relay;
  /** Per-address budgets; undefined when turned off. */
  readonly addressLimits: AddressLimits | undefined;
  readonly hosts: HostPolicy;
  /** The server's own keyed hash of a phone identity (key: server.key). */
  hashIdentity(identity: PhoneIdentityInput): string;
}
