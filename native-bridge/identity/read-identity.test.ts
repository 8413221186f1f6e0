import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BridgeError, BridgeErrorCode, isBridgeError } from '../errors.js';
import { readIdentity } from './read-identity.js';
import {
  fixture,
  scriptedShell,
  securityException,
  stringReply,
  type Reply,
} from '../../testing/identity-replies.js';

const PKG = 's16 com.android.shell';
const IMEI_A = '356938035643809';
const IMEI_B = '490154203237518';
const NOT_LUHN = '356938035643808';
const DENIED = securityException('getDeviceId: The user 2000 does not meet the requirements');
const NO_SERVICE = 'service: Service iphonesubinfo does not exist\n';

function getprop(sdk: number, extra: Record<string, string> = {}): string {
  const props = { 'ro.build.version.sdk': String(sdk), 'ro.product.model': 'Test', ...extra };
  return Object.entries(props)
    .map(([k, v]) => `[${k}]: [${v}]\n`)
    .join('');
}

const slot = (code: number, n: number): string =>
  `service call iphonesubinfo ${code} i32 ${n} ${PKG}`;

test('Android 14 single SIM: code 4 slot 0; the empty slot 1 adds nothing', async () => {
  const shell = scriptedShell({
    getprop: fixture('getprop-android-14.txt'),
    [slot(4, 0)]: stringReply(IMEI_A),
    [slot(4, 1)]: fixture('parcel-null-string.txt'),
  });
  const { info, identity } = await readIdentity(shell);
  assert.equal(info.model, 'Pixel 8 Pro');
  assert.deepEqual(identity, { kind: 'imei', value: IMEI_A, masked: '****3809', imeis: [IMEI_A] });
  assert.deepEqual(shell.calls, ['getprop', slot(4, 0), slot(4, 1)], 'one getprop, no serial read');
});

test('Android 4.4: dumpsys and code 1 agree; the IMEI is kept once', async () => {
  const shell = scriptedShell({
    getprop: fixture('getprop-android-4.4-crlf.txt'),
    'dumpsys iphonesubinfo': fixture('dumpsys-iphonesubinfo-4.4.txt'),
    'service call iphonesubinfo 1': fixture('parcel-imei-crlf-noise.txt'),
  });
  const { identity } = await readIdentity(shell);
  assert.deepEqual(identity.imeis, [IMEI_B]);
  assert.deepEqual(shell.calls, [
    'getprop',
    'dumpsys iphonesubinfo',
    'service call iphonesubinfo 1',
  ]);
});

test('Android 10 dual SIM: SecurityException on code 1, both slots by code 3, slot 0 primary', async () => {
  const shell = scriptedShell({
    getprop: getprop(29),
    [`service call iphonesubinfo 1 ${PKG}`]: DENIED,
    [slot(3, 0)]: stringReply(IMEI_A),
    [slot(3, 1)]: stringReply(IMEI_B),
  });
  const { identity } = await readIdentity(shell);
  assert.equal(identity.value, IMEI_A);
  assert.deepEqual(identity.imeis, [IMEI_A, IMEI_B]);
});

test('Android 9: getDeviceId() answering slot 1 does not make it primary', async () => {
  const shell = scriptedShell({
    getprop: getprop(28),
    'service call iphonesubinfo 1': stringReply(IMEI_B),
    [slot(3, 0)]: stringReply(IMEI_A),
    [slot(3, 1)]: stringReply(IMEI_B),
  });
  assert.deepEqual((await readIdentity(shell)).identity.imeis, [IMEI_A, IMEI_B]);
});

test('vendor properties from the one getprop when every service call is refused', async () => {
  const shell = scriptedShell({
    getprop: fixture('getprop-vendor-imei.txt'),
    [`service call iphonesubinfo 1 ${PKG}`]: DENIED,
    [slot(3, 0)]: DENIED,
    [slot(3, 1)]: fixture('parcel-error.txt'),
  });
  const { identity } = await readIdentity(shell);
  // ro.ril.miui.imei0 (slot 0), ro.ril.miui.imei1 (slot 1); the all-zero persist.radio.imei2 is refused.
  assert.deepEqual(identity.imeis, ['861536030196001', IMEI_A]);
  assert.equal(shell.calls.filter((c) => c === 'getprop').length, 1);
});

test('invalid IMEIs are ignored; a tablet falls back to its hardware serial', async () => {
  const shell = scriptedShell({
    getprop: getprop(34, { 'ro.serialno': 'R52T10ABCDE', 'ril.imei': '000000000000000' }),
    [slot(4, 0)]: stringReply(NOT_LUHN),
    [slot(4, 1)]: NO_SERVICE,
  });
  const { identity } = await readIdentity(shell);
  assert.deepEqual(identity, { kind: 'serial', value: 'R52T10ABCDE', masked: '****BCDE' });
  assert.ok(!shell.calls.includes('settings get secure android_id'));
});

test('no IMEI, placeholder serial: android_id', async () => {
  const shell = scriptedShell({
    getprop: getprop(34, { 'ro.serialno': 'unknown' }),
    [slot(4, 0)]: DENIED,
    [slot(4, 1)]: DENIED,
    'settings get secure android_id': fixture('android-id-crlf-noise.txt'),
  });
  const { identity } = await readIdentity(shell);
  assert.deepEqual(identity, { kind: 'android_id', value: 'a3f1c2d4e5b60718', masked: '****0718' });
});

test('a source that times out or prints junk is skipped, not fatal', async () => {
  const timeout = new BridgeError(BridgeErrorCode.AdbTimeout, 'slow');
  const shell = scriptedShell({
    getprop: getprop(34),
    [slot(4, 0)]: timeout,
    [slot(4, 1)]: fixture('parcel-truncated.txt'),
    'settings get secure android_id': 'a3f1c2d4e5b60718\n',
  });
  assert.equal((await readIdentity(shell)).identity.kind, 'android_id');
});

test('nothing at all: IdentityUnavailable, and no identifier in the message', async () => {
  const shell = scriptedShell({
    getprop: getprop(34, { 'ro.serialno': '0123456789ABCDEF', 'ril.imei': NOT_LUHN }),
    [slot(4, 0)]: stringReply(NOT_LUHN),
    'settings get secure android_id': fixture('android-id-emulator.txt'),
  });
  await assert.rejects(readIdentity(shell), (error: unknown) => {
    assert.ok(isBridgeError(error, BridgeErrorCode.IdentityUnavailable));
    assert.ok(!error.message.includes(NOT_LUHN) && !error.message.includes('9774d56d'));
    return true;
  });
});

test('the phone vanishing mid-read ends the read at once with DeviceGone, no retry', async () => {
  const gone = new BridgeError(BridgeErrorCode.DeviceGone, 'adb shell: the phone went away');
  const shell = scriptedShell({
    getprop: getprop(29),
    [`service call iphonesubinfo 1 ${PKG}`]: gone,
  });
  await assert.rejects(readIdentity(shell), gone);
  assert.deepEqual(shell.calls, ['getprop', `service call iphonesubinfo 1 ${PKG}`]);
});

test('fatal adb failures pass through from getprop too', async () => {
  const replies: Record<string, Reply> = {
    getprop: new BridgeError(BridgeErrorCode.DeviceUnauthorized, 'allow USB debugging'),
  };
  await assert.rejects(readIdentity(scriptedShell(replies)), (error: unknown) =>
    isBridgeError(error, BridgeErrorCode.DeviceUnauthorized),
  );
  const junk = scriptedShell({ getprop: '/system/bin/sh: getprop: not found\n' });
  await assert.rejects(readIdentity(junk), (error: unknown) =>
    isBridgeError(error, BridgeErrorCode.AdbOutputMalformed),
  );
});

test('a 0.9 MB String16 on slot 0 is no IMEI, and slot 1 still gives one', async () => {
  const shell = scriptedShell({
    getprop: getprop(34),
    [slot(4, 0)]: stringReply('3'.repeat(200_000)),
    [slot(4, 1)]: stringReply(IMEI_B),
  });
  const { identity } = await readIdentity(shell);
  assert.deepEqual(identity, { kind: 'imei', value: IMEI_B, masked: '****7518', imeis: [IMEI_B] });
});
