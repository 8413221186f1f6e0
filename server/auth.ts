// Shadow-account authentication: `Authorization: Bearer <clientId>.<credential>`. The result is
// memoised per request because both the rate limiter (for its key) and the handler ask for it.
import type { FastifyRequest } from 'fastify';
import type { ClientsStore } from '../db/server/pairing-store.js';
import { ServerError } from './errors.js';
import { hashSecret, secretMatches } from './tokens.js';

const BEARER = /^Bearer ([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{16,128})$/;
/** Compared against when the id is unknown, so a miss costs the same as a wrong credential. */
const DUMMY_HASH = hashSecret('tandem-no-such-client');

export type AuthResult = { clientId: string } | { failure: string };

export function authorizationFor(clientId: string, credential: string): string {
  return `Bearer ${clientId}.${credential}`;
}

export class Authenticator {
  private readonly results = new WeakMap<FastifyRequest, Promise<AuthResult>>();

  constructor(
    private readonly clients: ClientsStore,
    /** Records that an authenticated client was seen (the rules decide how often to write). */
    private readonly seen: (clientId: string) => Promise<void>,
  ) {}

  check(request: FastifyRequest): Promise<AuthResult> {
    let result = this.results.get(request);
    if (!result) {
      result = this.verify(request.headers.authorization);
      this.results.set(request, result);
    }
    return result;
  }

  /** The authenticated client's id, or a 401 UNAUTHENTICATED error. */
  async require(request: FastifyRequest): Promise<string> {
    const result = await this.check(request);
    if ('failure' in result) throw new ServerError('UNAUTHENTICATED', result.failure);
    await this.seen(result.clientId);
    return result.clientId;
  }

  private async verify(header: string | undefined): Promise<AuthResult> {
    if (header === undefined || header === '') {
      return { failure: 'send Authorization: Bearer <clientId>.<credential>' };
    }
    const match = BEARER.exec(header);
    if (!match) return { failure: 'the Authorization header is malformed' };
    const [, clientId = '', credential = ''] = match;
    const client = await this.clients.find(clientId);
    const matches = secretMatches(credential, client?.credentialHash ?? DUMMY_HASH);
    return client && matches ? { clientId } : { failure: 'the credentials are not accepted' };
  }
}
