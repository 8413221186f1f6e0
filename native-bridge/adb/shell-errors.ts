// adbkit reports failures as the adb server's FAIL text (`Failure: 'device offline'`) or a socket
// error. This table turns them into BridgeErrors with stable codes; the first matching row wins.
import { BridgeError, BridgeErrorCode, isBridgeError } from '../errors.js';

interface Row {
  test: (text: string, code: string | undefined) => boolean;
  code: BridgeErrorCode;
  say: string;
}

const ROWS: readonly Row[] = [
  {
    test: (text) =>
      /device '.*' not found|device offline|device still connecting|\bclosed\b/.test(text),
    code: BridgeErrorCode.DeviceGone,
    say: 'the phone went away',
  },
  {
    test: (text) => /unauthorized|still authorizing/.test(text),
    code: BridgeErrorCode.DeviceUnauthorized,
    say: 'the phone has not allowed USB debugging for this computer',
  },
  {
    test: (text, code) =>
      code === 'ECONNREFUSED' ||
      code === 'ECONNRESET' ||
      code === 'EPIPE' ||
      /Premature end/.test(text),
    code: BridgeErrorCode.AdbServerUnreachable,
    say: 'the adb server is not reachable',
  },
];

/** Maps an adbkit failure of `adb shell` on `serial` to a BridgeError (kept as the cause). */
export function shellFailure(error: unknown, serial: string): BridgeError {
  if (isBridgeError(error)) return error;
  const text = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  const row = ROWS.find((r) => r.test(text, typeof code === 'string' ? code : undefined));
  if (row) return new BridgeError(row.code, `adb shell on ${serial}: ${row.say}`, { cause: error });
  return new BridgeError(
    BridgeErrorCode.AdbCommandFailed,
    `adb shell on ${serial} failed: ${text}`,
    {
      cause: error,
    },
  );
}
