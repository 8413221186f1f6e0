// The pairing server's errors: every failure answers `{ error: { code, message } }` with a code of
// its catalogue (protocol/errors/server.ts, shown in docs/errors.md) and that code's HTTP status.
import { CodedError } from '../protocol/coded-error.js';
import { ServerErrorCode, type ErrorBody } from '../protocol/pairing.js';
import { serverErrors } from '../protocol/errors/server.js';

export { ServerErrorCode };

/** One line per code for the OpenAPI document's responses. */
const descriptions: Readonly<Record<ServerErrorCode, string>> = {
  VALIDATION_FAILED: 'The body or a parameter breaks the schema.',
  MALFORMED_JSON: 'The body is not valid JSON (or is empty).',
  MALFORMED_REQUEST: 'Not valid HTTP (request line, headers, URL encoding); 431 for huge headers.',
  UNSUPPORTED_MEDIA_TYPE: 'The body is not application/json.',
  PAYLOAD_TOO_LARGE: 'The body exceeds the body limit (16 KB).',
  UNAUTHENTICATED: 'Missing, malformed or unknown credentials.',
  BINDING_CONFLICT: 'The phone is bound to another client.',
  NOT_BINDING_OWNER: 'This client does not hold that binding.',
  BINDING_MOVED: 'A takeover confirmed on the phone moved it to another client.',
  TAKEOVER_NOT_NEEDED: 'The phone is not bound to another client.',
  TAKEOVER_TICKET_EXPIRED: 'The takeover ticket is too old.',
  TAKEOVER_TICKET_USED: 'The takeover ticket already moved the phone.',
  TAKEOVER_TICKET_WRONG_PHONE: "The ticket is not valid for this phone's binding.",
  RATE_LIMITED: 'Too many requests; retry after Retry-After.',
  ADDRESS_RATE_LIMITED: 'Too many requests from this address, all accounts together.',
  ADDRESS_ACCOUNT_LIMIT: 'Too many accounts registered from this address this hour.',
  ADDRESS_SESSION_LIMIT: 'Too many sessions created from this address this hour.',
  HOST_NOT_ALLOWED: 'The Host header is not one of this server.',
  NOT_FOUND: 'No such route.',
  STORE_UNAVAILABLE: 'The PostgreSQL store does not answer; retry after Retry-After.',
  DEPENDENCY_FAILING: 'A dependency check failed; the body lists the checks.',
  NOT_READY: 'A dependency check failed or the server is draining; the body lists the checks.',
  INTERNAL: 'An unexpected server failure (logged, not detailed).',
};

/** Each code's HTTP status (from the catalogue) and its OpenAPI description. */
export const errorCatalogue = Object.fromEntries(
  Object.entries(serverErrors.codes).map(([code, { status }]) => [
    code,
    { status, description: descriptions[code as ServerErrorCode] },
  ]),
) as Readonly<Record<ServerErrorCode, { status: number; description: string }>>;

export class ServerError extends CodedError<ServerErrorCode> {
  readonly statusCode: number;

  constructor(code: ServerErrorCode, message: string) {
    super(code, message);
    this.name = 'ServerError';
    this.statusCode = errorCatalogue[code].status;
  }
}

export function errorBody(code: ServerErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/** Fastify's own errors, mapped onto the catalogue with messages that never echo the input. */
const fastifyCodes: Readonly<Record<string, [ServerErrorCode, string]>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', 'the request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json'],
  FST_ERR_CTP_INVALID_JSON_BODY: ['MALFORMED_JSON', 'the request body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: ['MALFORMED_JSON', 'the request body is empty'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['MALFORMED_JSON', 'the body does not match Content-Length'],
};

/** The store's DbError STORE_UNAVAILABLE (PostgreSQL down), whatever wraps it. */
export function isStoreUnavailable(error: unknown): boolean {
  return error instanceof CodedError && error.code === 'STORE_UNAVAILABLE';
}

/** Any thrown value → the catalogued error to answer with. Unknown failures become INTERNAL. */
export function toServerError(error: unknown): ServerError {
  if (error instanceof ServerError) return error;
  if (isStoreUnavailable(error)) {
    return new ServerError('STORE_UNAVAILABLE', 'the pairing store is unavailable, retry later');
  }
  const code = (error as { code?: unknown } | null)?.code;
  const mapped = typeof code === 'string' ? fastifyCodes[code] : undefined;
  if (mapped) return new ServerError(mapped[0], mapped[1]);
  // JSON.parse's SyntaxError quotes the input; never pass its message on.
  if (error instanceof SyntaxError) return new ServerError('MALFORMED_JSON', 'invalid JSON');
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (status === 404) return new ServerError('NOT_FOUND', 'not found');
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ServerError('VALIDATION_FAILED', 'the request is not acceptable');
  }
  return new ServerError('INTERNAL', 'internal server error');
}
