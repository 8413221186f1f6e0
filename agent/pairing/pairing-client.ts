// The agent's typed client for the pairing server. Every answer is checked against the protocol's
// schemas; every failure is a PairingClientError with a stable code. Only `kind` and `value` of an
// identity are sent, and neither appears in any error message.
import type { z } from 'zod';
import {
  BindResponseSchema,
  LookupResponseSchema,
  RegisterResponseSchema,
  ReleaseResponseSchema,
  SessionResponseSchema,
  TouchResponseSchema,
  WhoAmIResponseSchema,
  type BindResponse,
  type BindingStatus,
  type ReleaseResponse,
  type SessionResponse,
} from '../../protocol/pairing.js';
import type { RawIdentity } from '../../protocol/identity.js';
import {
  TAKEOVER_TICKET_PATH,
  TakeoverTicketResponseSchema,
  type TakeoverTicketResponse,
} from '../../protocol/takeover.js';
import { callJson } from './json-call.js';
import { PairingClientError } from './pairing-client-error.js';
import { normalizeServerUrl } from './server-url.js';

export interface ShadowAccount {
  clientId: string;
  credential: string;
}

export interface PairingClientOptions {
  serverUrl: string;
  account?: ShadowAccount;
  /** Per request. Default 5000 ms. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

interface CallOptions {
  signal?: AbortSignal;
}

interface RequestOptions extends CallOptions {
  /** Sent without the account's credential. */
  anonymous?: boolean;
}

export class PairingClient {
  readonly serverUrl: string;
  private currentAccount: ShadowAccount | undefined;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: PairingClientOptions) {
    this.serverUrl = normalizeServerUrl(options.serverUrl);
    this.currentAccount = options.account;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  get account(): ShadowAccount | undefined {
    return this.currentAccount;
  }

  /** Registers a new shadow account and uses it from now on. Store it: it is shown only once. */
  async register(options?: CallOptions): Promise<ShadowAccount> {
    // The one call without an account: it makes one.
    const anonymous = { ...options, anonymous: true };
    const account = await this.call('POST', '/v1/clients', RegisterResponseSchema, {}, anonymous);
    this.currentAccount = account;
    return account;
  }

  async whoami(options?: CallOptions): Promise<string> {
    return (await this.call('GET', '/v1/clients/me', WhoAmIResponseSchema, undefined, options))
      .clientId;
  }

  async lookup(identity: RawIdentity, options?: CallOptions): Promise<BindingStatus> {
    const body = identityBody(identity);
    return (await this.call('POST', '/v1/bindings/lookup', LookupResponseSchema, body, options))
      .status;
  }

  /** Throws BINDING_CONFLICT when another client holds the phone. */
  bind(identity: RawIdentity, options?: CallOptions): Promise<BindResponse> {
    return this.call('POST', '/v1/bindings', BindResponseSchema, identityBody(identity), options);
  }

  /** Throws NOT_BINDING_OWNER when another client holds the phone. */
  release(identity: RawIdentity, options?: CallOptions): Promise<ReleaseResponse> {
    const body = identityBody(identity);
    return this.call('POST', '/v1/bindings/release', ReleaseResponseSchema, body, options);
  }

  /** Marks this client's binding as seen, so it does not expire. */
  async touch(identity: RawIdentity, options?: CallOptions): Promise<void> {
    const body = identityBody(identity);
    await this.call('POST', '/v1/bindings/touch', TouchResponseSchema, body, options);
  }

  /** A one-time takeover ticket; throws TAKEOVER_NOT_NEEDED when no other client holds the phone. */
  takeoverTicket(identity: RawIdentity, options?: CallOptions): Promise<TakeoverTicketResponse> {
    const body = identityBody(identity);
    return this.call('POST', TAKEOVER_TICKET_PATH, TakeoverTicketResponseSchema, body, options);
  }

  createSession(options?: CallOptions): Promise<SessionResponse> {
    return this.call('POST', '/v1/sessions', SessionResponseSchema, {}, options);
  }

  private call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    body: unknown,
    options: RequestOptions = {},
  ): Promise<z.infer<S>> {
    let authorization: string | undefined;
    if (!options.anonymous) {
      const account = this.currentAccount;
      if (!account) {
        return Promise.reject(
          new PairingClientError('NO_ACCOUNT', 'register a shadow account first'),
        );
      }
      authorization = `Bearer ${account.clientId}.${account.credential}`;
    }
    return callJson(schema, {
      url: `${this.serverUrl}${path}`,
      method,
      body,
      authorization,
      timeoutMs: this.timeoutMs,
      signal: options.signal,
      fetch: this.fetchImpl,
    });
  }
}

/** Only kind and value travel: a PhoneIdentity's other fields (masked, imeis) stay home. */
function identityBody(identity: RawIdentity): { identity: RawIdentity } {
  return { identity: { kind: identity.kind, value: identity.value } };
}
