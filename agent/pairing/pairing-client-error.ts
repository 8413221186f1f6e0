// Errors of the agent's pairing-server client: the server's own code when it answered with one,
// otherwise one of its own codes (protocol/errors/pairing-client.ts, shown in docs/errors.md).
import { CodedError, codeNames } from '../../protocol/coded-error.js';
import {
  pairingClientErrors,
  type PairingClientErrorCode as Code,
} from '../../protocol/errors/pairing-client.js';
import type { ServerErrorCode } from '../../protocol/errors/server.js';

/** The codes by short name: `PairingClientErrorCode.ServerTimeout` is `'SERVER_TIMEOUT'`. */
export const PairingClientErrorCode = codeNames(pairingClientErrors);
export type PairingClientErrorCode = Code;

export class PairingClientError extends CodedError<PairingClientErrorCode | ServerErrorCode> {
  constructor(
    code: PairingClientErrorCode | ServerErrorCode,
    message: string,
    /** The HTTP status when the server answered. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
    this.name = 'PairingClientError';
  }
}

export function isPairingClientError(
  error: unknown,
  code?: PairingClientError['code'],
): error is PairingClientError {
  return error instanceof PairingClientError && (code === undefined || error.code === code);
}
