// Every error native-bridge raises carries a stable code from its catalogue
// (protocol/errors/native-bridge.ts, shown in docs/errors.md).
import { CodedError, codeNames } from '../protocol/coded-error.js';
import {
  nativeBridgeErrors,
  type NativeBridgeErrorCode,
} from '../protocol/errors/native-bridge.js';

/** The codes by short name: `BridgeErrorCode.AdbNotFound` is `'ADB_NOT_FOUND'`. */
export const BridgeErrorCode = codeNames(nativeBridgeErrors);
export type BridgeErrorCode = NativeBridgeErrorCode;

export class BridgeError extends CodedError<BridgeErrorCode> {
  constructor(code: BridgeErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'BridgeError';
  }
}

export function isBridgeError(error: unknown, code?: BridgeErrorCode): error is BridgeError {
  return error instanceof BridgeError && (code === undefined || error.code === code);
}
