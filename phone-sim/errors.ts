// Errors of the phone sim carry stable codes, like the rest of Tandem (see docs/errors.md).
export type PhoneSimErrorCode =
  | 'PHONE_SIM_UNKNOWN_PROFILE'
  | 'PHONE_SIM_INVALID_OPTION'
  | 'PHONE_SIM_LISTEN_FAILED'
  | 'PHONE_SIM_CLOSED'
  | 'PHONE_SIM_CONNECT_TIMEOUT';

export class PhoneSimError extends Error {
  constructor(
    readonly code: PhoneSimErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'PhoneSimError';
  }
}
