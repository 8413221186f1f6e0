// The agent's typed client for the pairing server. Every answer is checked against the protocol's
// schemas; every failure is a PairingClientError with a stable code. Only `kind` and `value` of an
// identity are sent, and neither appears in any error message.
import type { z } from 'zod';
import {
  BindResponseSchema,
  ErrorBodySchema,
  LookupResponseSchema,
  RegisterResponseSchema,
  ReleaseResponseSchema,
  SessionResponseSchema,
  TouchResponseSchema,
  WhoAmIResponseSchema,
  type BindResponse,
  type BindingStatus,
  type IdentityKind,
  type ReleaseResponse,
  type SessionResponse,
} from '../../protocol/pairing.js';
import { PairingClientError } from './pairing-client-error.js';
import { normalizeServerUrl } from './server-url.js';

export interface ShadowAccount {
  clientId: string;
  credential: string;
}

/** Any object with a kind and a value, e.g. native-bridge's PhoneIdentity. */
export interface IdentityToSend {
  kind: IdentityKind;
  value: string;
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
    const account = await this.call(
      'POST',
      '/v1/clients',
      RegisterResponseSchema,
      {},
      false,
      options,
    );
    this.currentAccount = account;
    return account;
  }

  async whoami(options?: CallOptions): Promise<string> {
    return (
      await this.call('GET', '/v1/clients/me', WhoAmIResponseSchema, undefined, true, options)
    ).clientId;
  }

  async lookup(identity: IdentityToSend, options?: CallOptions): Promise<BindingStatus> {
    const body = identityBody(identity);
    return (
      await this.call('POST', '/v1/bindings/lookup', LookupResponseSchema, body, true, options)
    ).status;
  }

  /** Throws BINDING_CONFLICT when another client holds the phone. */
  bind(identity: IdentityToSend, options?: CallOptions): Promise<BindResponse> {
    return this.call(
      'POST',
      '/v1/bindings',
      BindResponseSchema,
      identityBody(identity),
      true,
      options,
    );
  }

  /** Throws NOT_BINDING_OWNER when another client holds the phone. */
  release(identity: IdentityToSend, options?: CallOptions): Promise<ReleaseResponse> {
    const body = identityBody(identity);
    return this.call('POST', '/v1/bindings/release', ReleaseResponseSchema, body, true, options);
  }

  /** Marks this client's binding as seen, so it does not expire. */
  async touch(identity: IdentityToSend, options?: CallOptions): Promise<void> {
    await this.call(
      'POST',
      '/v1/bindings/touch',
      TouchResponseSchema,
      identityBody(identity),
      true,
      options,
    );
  }

  createSession(options?: CallOptions): Promise<SessionResponse> {
    return this.call('POST', '/v1/sessions', SessionResponseSchema, {}, true, options);
  }

  private async call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    body: unknown,
    authenticated: boolean,
    options: CallOptions = {},
  ): Promise<z.infer<S>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (authenticated) {
      const account = this.currentAccount;
      if (!account) throw new PairingClientError('NO_ACCOUNT', 'register a shadow account first');
      headers.authorization = `Bearer ${account.clientId}.${account.credential}`;
    }
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    const init: RequestInit = {
      method,
      headers,
      signal,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    };
    let answer: { status: number; text: string };
    try {
      answer = await this.send(path, init);
    } catch (error) {
      if (signal.aborted) throw this.transportError(error, timeout, path);
      // A kept-alive socket to a server that restarted fails once ("other side closed"); every
      // call here is safe to repeat (binds and releases are idempotent for their owner).
      try {
        answer = await this.send(path, init);
      } catch (again) {
        throw this.transportError(again, timeout, path);
      }
    }
    return parseAnswer(schema, answer.status, answer.text, path);
  }

  private async send(path: string, init: RequestInit): Promise<{ status: number; text: string }> {
    const response = await this.fetchImpl(`${this.serverUrl}${path}`, init);
    return { status: response.status, text: await response.text() };
  }

  private transportError(error: unknown, timeout: AbortSignal, path: string): PairingClientError {
    if (timeout.aborted) {
      return new PairingClientError(
        'SERVER_TIMEOUT',
        `${path}: no answer within ${this.timeoutMs} ms`,
        undefined,
        { cause: error },
      );
    }
    if ((error as Error | undefined)?.name === 'AbortError') {
      return new PairingClientError('ABORTED', `${path}: aborted`, undefined, { cause: error });
    }
    return new PairingClientError(
      'SERVER_UNREACHABLE',
      `cannot reach the pairing server at ${this.serverUrl}`,
      undefined,
      { cause: error },
    );
  }
}

function identityBody(identity: IdentityToSend): { identity: IdentityToSend } {
  return { identity: { kind: identity.kind, value: identity.value } };
}

function parseAnswer<S extends z.ZodType>(
  schema: S,
  status: number,
  text: string,
  path: string,
): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new PairingClientError(
      'BAD_RESPONSE',
      `${path}: HTTP ${status} without a JSON body`,
      status,
    );
  }
  if (status >= 400) {
    const failure = ErrorBodySchema.safeParse(json);
    if (!failure.success) {
      throw new PairingClientError(
        'BAD_RESPONSE',
        `${path}: HTTP ${status} without an error code`,
        status,
      );
    }
    // A newer server may send a code this agent does not know yet; it is passed on unchanged.
    const { code, message } = failure.data.error;
    throw new PairingClientError(code as PairingClientError['code'], message, status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new PairingClientError(
      'BAD_RESPONSE',
      `${path}: the answer does not match the protocol`,
      status,
    );
  }
  return parsed.data;
}
