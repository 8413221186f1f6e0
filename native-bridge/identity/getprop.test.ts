import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BridgeErrorCode, isBridgeError } from '../errors.js';
import { parseGetprop, phoneInfoFromProps } from './getprop.js';
import { fixture } from '../../testing/identity-replies.js';

test('Android 14 getprop: PhoneInfo from one call', () => {
  const props = parseGetprop(fixture('getprop-android-14.txt'));
  assert.equal(props['vendor.usb.config'], '');
  assert.deepEqual(phoneInfoFromProps(props), {
    model: 'Pixel 8 Pro',
    manufacturer: 'Google',
    brand: 'google',
    release: '14',
    sdk: 34,
    serial: '28161FDH2002QE',
  });
});

test('Android 4.4 getprop: CRLF, daemon noise, linker warning, `]` in values, multi-line value', () => {
  const props = parseGetprop(fixture('getprop-android-4.4-crlf.txt'));
  assert.equal(props['ro.config.ringtone'], 'Over the Horizon [remix].ogg');
  assert.equal(props['ro.build.display.id'], 'KOT49H.I9505XXUFNB8 [release]');
  assert.equal(props['persist.sys.motd'], 'first line\nsecond line\nthird line');
  assert.equal(props['gsm.operator.alpha'], '');
  assert.equal(props['wifi.interface'], 'wlan0', 'parsing goes on after the multi-line value');
  for (const value of Object.values(props)) assert.ok(!value.includes('\r'));
  assert.ok(!Object.keys(props).some((key) => key.includes('daemon') || key.includes('linker')));
  assert.deepEqual(phoneInfoFromProps(props), {
    model: 'GT-I9505',
    manufacturer: 'samsung',
    brand: 'samsung',
    release: '4.4.2',
    sdk: 19,
    serial: '4d00c2a6b2f1a0b7',
  });
});

test('serial: ro.serialno `unknown` falls back to ro.boot.serialno; none → empty', () => {
  const both = { 'ro.serialno': 'unknown', 'ro.boot.serialno': 'R58M12ABCDE' };
  assert.equal(phoneInfoFromProps(both).serial, 'R58M12ABCDE');
  assert.equal(phoneInfoFromProps({ 'ro.serialno': 'unknown' }).serial, '');
});

test('missing or odd values: sdk 0, empty strings, vendor-partition model', () => {
  const info = phoneInfoFromProps({
    'ro.build.version.sdk': 'S',
    'ro.product.vendor.model': 'SM-G991B',
  });
  assert.equal(info.sdk, 0);
  assert.equal(info.model, 'SM-G991B');
  assert.equal(info.release, '');
});

test('a `__proto__` key is an ordinary property', () => {
  const props = parseGetprop('[__proto__]: [x]\n[a]: [b]\n');
  assert.equal(Object.getPrototypeOf(props), Object.prototype);
  assert.equal(Object.getOwnPropertyDescriptor(props, '__proto__')?.value, 'x');
});

test('output without any property is AdbOutputMalformed', () => {
  for (const text of [
    '',
    '/system/bin/sh: getprop: not found\n',
    '* daemon started successfully\r\n',
  ]) {
    assert.throws(
      () => parseGetprop(text),
      (error: unknown) => isBridgeError(error, BridgeErrorCode.AdbOutputMalformed),
    );
  }
});
