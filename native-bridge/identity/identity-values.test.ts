import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BridgeErrorCode, isBridgeError } from '../errors.js';
import { outputLines } from './adb-output.js';
import { parseAndroidId } from './android-id.js';
import { parseDumpsysIphonesubinfo } from './dumpsys.js';
import { validateSerial } from './serial.js';
import { fixture } from '../../testing/identity-replies.js';

test('validateSerial refuses empty, placeholders and whitespace', () => {
  assert.equal(validateSerial('28161FDH2002QE'), true);
  for (const serial of ['', 'unknown', 'UNKNOWN', '0123456789ABCDEF', 'ab cd', 'abc\n']) {
    assert.equal(validateSerial(serial), false, JSON.stringify(serial));
  }
});

test('outputLines drops adb noise and every CR', () => {
  const text =
    '* daemon not running; starting now at tcp:5037\r\n* daemon started successfully\r\nok\r\r\nWARNING: linker: x\nlast';
  assert.deepEqual(outputLines(text), ['ok', 'last']);
});

test('dumpsys iphonesubinfo: Device ID values, one per SIM block', () => {
  assert.deepEqual(parseDumpsysIphonesubinfo(fixture('dumpsys-iphonesubinfo-4.4.txt')), [
    '490154203237518',
  ]);
  assert.deepEqual(parseDumpsysIphonesubinfo(fixture('dumpsys-iphonesubinfo-dual-crlf.txt')), [
    '490154203237518',
    '356938035643809',
  ]);
  assert.deepEqual(parseDumpsysIphonesubinfo(fixture('dumpsys-iphonesubinfo-denied.txt')), []);
  assert.deepEqual(parseDumpsysIphonesubinfo('  Device ID = null\n'), []);
});

test('parseAndroidId: hex value, `null`, the broken emulator value, and junk', () => {
  assert.equal(parseAndroidId(fixture('android-id-crlf-noise.txt')), 'a3f1c2d4e5b60718');
  assert.equal(parseAndroidId('3F1C2D4E5B60718\n'), '3f1c2d4e5b60718', 'leading zero dropped');
  assert.equal(parseAndroidId(fixture('android-id-null.txt')), null);
  assert.equal(parseAndroidId(fixture('android-id-emulator.txt')), null);
  assert.equal(parseAndroidId('0000000000000000\n'), null);
  for (const text of [fixture('android-id-no-settings.txt'), '', 'a3f1c2d4e5b607189\n']) {
    assert.throws(
      () => parseAndroidId(text),
      (error: unknown) => isBridgeError(error, BridgeErrorCode.AdbOutputMalformed),
    );
  }
});
