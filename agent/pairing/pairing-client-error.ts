// Errors of the agent's pairing-server client: the server's own code when it answered with one,
// otherwise one of the client-side codes below (catalogued in docs/errors.md, "Pairing server").
import type { ServerErrorCode } from '../../protocol/pairing.js';

export const PairingClientErrorCode = {
  /** No connection could be made (refused, DNS, reset before an answer). */
  ServerUnreachable: 'SERVER_UNREACHABLE',
  /** The server did not answer within the client's timeout. */
  ServerTimeout: 'SERVER_TIMEOUT',
  /** The caller's AbortSignal fired. */
  Aborted: 'ABORTED',
  /** The answer was not the JSON the protocol promises. */
  BadResponse: 'BAD_RESPONSE',
  /** An authenticated call on a client that has no shadow account yet. */
  NoAccount: 'NO_ACCOUNT',
  /** The server URL is not an http(s) URL. */
  InvalidServerUrl: 'INVALID_SERVER_URL',
} as const;

export type PairingClientErrorCode =
  (typeof PairingClientErrorCode)[keyof typeof PairingClientErrorCode];

export class PairingClientError extends Error {
  constructor(
    readonly code: PairingClientErrorCode | ServerErrorCode,
    message: string,
    /** The HTTP status when the server answered. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PairingClientError';
  }
}

export function isPairingClientError(
  error: unknown,
  code?: PairingClientError['code'],
): error is PairingClientError {
  return error instanceof PairingClientError && (code === undefined || error.code === code);
}
