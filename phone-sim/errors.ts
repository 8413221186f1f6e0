// Errors of the phone sim carry stable codes, like the rest of Tandem (protocol/errors/phone-sim.ts,
// shown in docs/errors.md).
import { CodedError } from '../protocol/coded-error.js';
import type { PhoneSimErrorCode } from '../protocol/errors/phone-sim.js';

export type { PhoneSimErrorCode };

export class PhoneSimError extends CodedError<PhoneSimErrorCode> {
  constructor(code: PhoneSimErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'PhoneSimError';
  }
}
