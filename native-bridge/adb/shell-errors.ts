// Maps a failed `adb shell` to a BridgeError: adb-errors.ts does the common mapping; on top of it,
// the FAIL texts adb gives when the transport dies under a shell (`closed`, `device still
// connecting`) mean the phone went away, and anything unknown is AdbCommandFailed.
import { BridgeError, BridgeErrorCode } from '../errors.js';
import { toBridgeError } from './adb-errors.js';

const TRANSPORT_LOST = /Failure: '(?:closed|device still connecting)'/;

export function shellFailure(error: unknown, serial: string): BridgeError {
  const context = `adb shell on ${serial}`;
  if (error instanceof Error && TRANSPORT_LOST.test(error.message)) {
    return new BridgeError(BridgeErrorCode.DeviceGone, `${context}: the phone went away`, {
      cause: error,
    });
  }
  return toBridgeError(error, BridgeErrorCode.AdbCommandFailed, context);
}
