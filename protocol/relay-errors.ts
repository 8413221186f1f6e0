// Stable codes of the relay, shared by server, Node clients and the phone page. Catalogued in
// protocol/errors/relay.ts (shown in docs/errors.md, "Relay").
import { CodedError, codeNames } from './coded-error.js';
import { relayErrors, type RelayErrorCode as Code } from './errors/relay.js';

export { RelayCloseCode } from './relay-close-codes.js';

/** The codes by short name: `RelayErrorCode.Expired` is `'SESSION_EXPIRED'`. */
export const RelayErrorCode = {
  ...codeNames(relayErrors),
  /** The Host header is not one of the server's own names (the pairing server's code). */
  HostNotAllowed: 'HOST_NOT_ALLOWED',
} as const satisfies Record<string, Code>;
export type RelayErrorCode = Code;

export class RelayError extends CodedError<RelayErrorCode> {
  constructor(code: RelayErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'RelayError';
  }
}

export function isRelayError(error: unknown, code?: RelayErrorCode): error is RelayError {
  return error instanceof RelayError && (code === undefined || error.code === code);
}
