// The error the control API turns into `{ error: { code, message } }` with a status. Its codes are
// catalogued in protocol/errors/control.ts and protocol/errors/send.ts.
import { CodedError } from '../../protocol/coded-error.js';
import { controlStatus, type ControlErrorCode } from '../../protocol/errors/control.js';

export type { ControlErrorCode };

export class ControlError extends CodedError<ControlErrorCode> {
  constructor(
    code: ControlErrorCode,
    message: string,
    /** By default the code's status in its catalogue, else 400. */
    readonly statusCode = controlStatus(code) ?? 400,
  ) {
    super(code, message);
    this.name = 'ControlError';
  }
}
