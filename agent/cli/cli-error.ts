// An error the CLI prints as one line with its stable code, then exits non-zero. It carries any
// registered code (protocol/errors/index.ts): the CLI's own, or the one of the error it reports.
import { CodedError } from '../../protocol/coded-error.js';
import type { ErrorCode } from '../../protocol/errors/index.js';

export class CliError extends CodedError<ErrorCode> {
  constructor(
    code: ErrorCode,
    message: string,
    readonly exitCode = 1,
  ) {
    super(code, message);
    this.name = 'CliError';
  }
}
