// Stable codes of the relay, shared by server, Node clients and the phone page.
// Catalogued in docs/errors.md ("Relay"). Imports nothing.

export const RelayErrorCode = {
  /** The client speaks another relay protocol version than the server. */
  VersionMismatch: 'PROTOCOL_VERSION_MISMATCH',
  /** Page, secret, token or key do not match a live session. Says nothing about which part. */
  NotMatched: 'SESSION_NOT_MATCHED',
  /** The credentials were right but the session has expired. */
  Expired: 'SESSION_EXPIRED',
  /** This role (pc or phone) is already held by another terminal. */
  Full: 'SESSION_FULL',
  /** The Host header is not one of the server's own names (e.g. a DNS-rebinding page). */
  HostNotAllowed: 'HOST_NOT_ALLOWED',
  /** A browser connected from a page of another origin. */
  OriginNotAllowed: 'ORIGIN_NOT_ALLOWED',
  /** The upgrade request lacks a parameter or has a malformed one. */
  BadRequest: 'RELAY_BAD_REQUEST',
  /** A frame is not valid JSON or does not fit the protocol schema. */
  MessageInvalid: 'MESSAGE_INVALID',
  /** A frame is larger than the relay's maxPayload. */
  MessageTooLarge: 'MESSAGE_TOO_LARGE',
  /** A terminal kept sending past the relay's flow-control window (it ignored withheld acks). */
  FlowControl: 'RELAY_FLOW_CONTROL',
  /** A terminal sent more messages or bytes per second than allowed for too long. */
  RateLimited: 'RELAY_RATE_LIMITED',
  /** The relay was over its memory budget and ended this session (absent or non-reading peer). */
  OverBudget: 'RELAY_OVER_BUDGET',
  /** The peer has not answered heartbeats: the connection is considered dead. */
  HeartbeatTimeout: 'HEARTBEAT_TIMEOUT',
  /** A sealed payload did not open with the key of the URL fragment (wrong key or tampered). */
  DecryptFailed: 'E2E_DECRYPT_FAILED',
  /** A shared file is larger than the limit. */
  FileTooLarge: 'FILE_TOO_LARGE',
  /** A received file does not hash to the SHA-256 its sender announced. */
  FileChecksumMismatch: 'FILE_CHECKSUM_MISMATCH',
  /** A session URL cannot be parsed. */
  SessionUrlInvalid: 'SESSION_URL_INVALID',
  /** The client gave up reconnecting, or was closed. */
  ConnectionClosed: 'CONNECTION_CLOSED',
} as const;
export type RelayErrorCode = (typeof RelayErrorCode)[keyof typeof RelayErrorCode];

/** WebSocket close codes the relay uses (4000-4999 is the application range). */
export const RelayCloseCode = {
  Normal: 1000,
  GoingAway: 1001,
  /** ws closes with 1009 by itself when a frame exceeds maxPayload. */
  TooLarge: 1009,
  Expired: 4001,
  Replaced: 4002,
  Invalid: 4400,
  HeartbeatTimeout: 4408,
  ServerShutdown: 4503,
  /** The relay shed the session to stay within its memory budget (an `error` frame precedes it). */
  OverBudget: 4507,
} as const;

export class RelayError extends Error {
  constructor(
    readonly code: RelayErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RelayError';
  }
}

export function isRelayError(error: unknown, code?: RelayErrorCode): error is RelayError {
  return error instanceof RelayError && (code === undefined || error.code === code);
}
