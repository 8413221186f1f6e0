import { test } from 'node:test';
import assert from 'node:assert/strict';
import adbkit from '@devicefarmer/adbkit';
import { BridgeError, BridgeErrorCode } from '../errors.js';
import { shellFailure } from './shell-errors.js';

// adbkit's own error classes, as its parser raises them from the adb server's FAIL replies.
const { FailError, PrematureEOFError } = adbkit.Parser;
const SERIAL = '127.0.0.1:5555';

function socketError(code: string): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5037`), { code });
}

test('adb server FAIL texts map to stable codes', () => {
  const cases: [Error, BridgeErrorCode][] = [
    [new FailError(`device '${SERIAL}' not found`), BridgeErrorCode.DeviceGone],
    [new FailError('device offline'), BridgeErrorCode.DeviceGone],
    [new FailError('closed'), BridgeErrorCode.DeviceGone],
    [new FailError('device still connecting'), BridgeErrorCode.DeviceGone],
    [
      new FailError("device unauthorized.\nThis adb server's $ADB_VENDOR_KEYS is not set"),
      BridgeErrorCode.DeviceUnauthorized,
    ],
    [new FailError('device still authorizing'), BridgeErrorCode.DeviceUnauthorized],
    [socketError('ECONNREFUSED'), BridgeErrorCode.AdbServerUnreachable],
    [socketError('ECONNRESET'), BridgeErrorCode.AdbServerUnreachable],
    [new PrematureEOFError(4), BridgeErrorCode.DeviceGone],
    [new FailError('more than one device/emulator'), BridgeErrorCode.AdbCommandFailed],
  ];
  for (const [error, code] of cases) {
    const mapped = shellFailure(error, SERIAL);
    assert.equal(mapped.code, code, error.message);
    assert.equal(mapped.cause, error);
  }
});

test('a BridgeError (timeout, abort reason) is passed through untouched', () => {
  const timeout = new BridgeError(BridgeErrorCode.AdbTimeout, 'slow');
  assert.equal(shellFailure(timeout, SERIAL), timeout);
});
