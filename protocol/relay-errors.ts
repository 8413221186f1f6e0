// Stable codes of the relay, shared by server, Node clients and the phone page. Catalogued in
// protocol/errors/relay.ts (shown in docs/errors.md, "Relay").
import { CodedError, type NamesEveryCode } from './coded-error.js';
import type { RelayErrorCode as Code } from './errors/relay.js';

export { RelayCloseCode } from './relay-close-codes.js';

/**
 * The codes by short name: `RelayErrorCode.Expired` is `'SESSION_EXPIRED'`. Written out rather than
 * read from the catalogue, so the phone page's script does not carry the catalogue's texts.
 */
export const RelayErrorCode = {
  VersionMismatch: 'PROTOCOL_VERSION_MISMATCH',
  NotMatched: 'SESSION_NOT_MATCHED',
  Expired: 'SESSION_EXPIRED',
  Full: 'SESSION_FULL',
  HostNotAllowed: 'HOST_NOT_ALLOWED',
  OriginNotAllowed: 'ORIGIN_NOT_ALLOWED',
  BadRequest: 'RELAY_BAD_REQUEST',
  Unavailable: 'RELAY_UNAVAILABLE',
  MessageInvalid: 'MESSAGE_INVALID',
  MessageTooLarge: 'MESSAGE_TOO_LARGE',
  FlowControl: 'RELAY_FLOW_CONTROL',
  RateLimited: 'RELAY_RATE_LIMITED',
  OverBudget: 'RELAY_OVER_BUDGET',
  HeartbeatTimeout: 'HEARTBEAT_TIMEOUT',
  DecryptFailed: 'E2E_DECRYPT_FAILED',
  FileTooLarge: 'FILE_TOO_LARGE',
  FileChecksumMismatch: 'FILE_CHECKSUM_MISMATCH',
  SessionUrlInvalid: 'SESSION_URL_INVALID',
  ConnectionClosed: 'CONNECTION_CLOSED',
  Draining: 'SERVER_DRAINING',
} as const satisfies Record<string, Code>;
export type RelayErrorCode = Code;
const _everyCodeNamed: NamesEveryCode<Code, typeof RelayErrorCode> = true;

export class RelayError extends CodedError<RelayErrorCode> {
  constructor(code: RelayErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'RelayError';
  }
}

export function isRelayError(error: unknown, code?: RelayErrorCode): error is RelayError {
  return error instanceof RelayError && (code === undefined || error.code === code);
}
