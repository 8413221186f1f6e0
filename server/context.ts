// What every route plugin of the pairing server works with.
import type { AddressLimits } from './address-limits.js';
import type { HostPolicy } from './host-policy.js';
import type { PairingStore } from '../db/server/pairing-store.js';
import type { PairingRules } from './pairing-rules.js';
import type { Authenticator } from './auth.js';
import type { ServerConfig } from './config.js';
import type { RequestStats } from './stats.js';
import type { Relay } from './relay/attach-relay.js';
import type { PhoneIdentityInput } from '../protocol/pairing.js';

export interface ServerContext {
  readonly config: ServerConfig;
  readonly store: PairingStore;
  /** The pairing rules over the store: every binding and session change goes through them. */
  readonly rules: PairingRules;
  readonly auth: Authenticator;
  readonly stats: RequestStats;
  readonly relay: Relay;
  /** Per-address budgets; undefined when turned off. */
  readonly addressLimits: AddressLimits | undefined;
  readonly hosts: HostPolicy;
  /** The server's own keyed hash of a phone identity (key: server.key). */
  hashIdentity(identity: PhoneIdentityInput): string;
}
