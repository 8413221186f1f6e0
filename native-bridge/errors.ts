// Every error native-bridge raises carries a stable code, catalogued in docs/errors.md.
export const BridgeErrorCode = {
  /** No adb executable in $ADB, PATH or the usual platform-tools folders. */
  AdbNotFound: 'ADB_NOT_FOUND',
  /** The adb server cannot be reached (and could not be started). */
  AdbServerUnreachable: 'ADB_SERVER_UNREACHABLE',
  /** One adb call took longer than its timeout. */
  AdbTimeout: 'ADB_TIMEOUT',
  /** adb refused a command for a reason the bridge does not recognise (its text is in the message). */
  AdbCommandFailed: 'ADB_COMMAND_FAILED',
  /** adb printed something the parser does not understand. */
  AdbOutputMalformed: 'ADB_OUTPUT_MALFORMED',
  /** One adb shell call printed more than its cap (1 MiB); the rest was not read. */
  AdbOutputTooLarge: 'ADB_OUTPUT_TOO_LARGE',
  /** The phone went away (unplugged, adb disconnected) during an operation. */
  DeviceGone: 'DEVICE_GONE',
  /** The phone has not allowed USB debugging for this computer. */
  DeviceUnauthorized: 'DEVICE_UNAUTHORIZED',
  /** Reading the whole identity took longer than its bound (3 s by default). */
  IdentityTimeout: 'IDENTITY_TIMEOUT',
  /** No IMEI, serial or android_id could be read. */
  IdentityUnavailable: 'IDENTITY_UNAVAILABLE',
  /** A `service call` answered with an exception Parcel or `Parcel(Error: …)`. */
  ParcelException: 'PARCEL_EXCEPTION',
  /** A phone action (am start, reverse) was refused by the phone or adb. */
  PhoneActionFailed: 'PHONE_ACTION_FAILED',
  /** An argument (URL, port, serial) is not acceptable. */
  InvalidArgument: 'INVALID_ARGUMENT',
} as const;

export type BridgeErrorCode = (typeof BridgeErrorCode)[keyof typeof BridgeErrorCode];

export class BridgeError extends Error {
  constructor(
    readonly code: BridgeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BridgeError';
  }
}

export function isBridgeError(error: unknown, code?: BridgeErrorCode): error is BridgeError {
  return error instanceof BridgeError && (code === undefined || error.code === code);
}
