import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toBridgeError } from './adb-errors.js';
import { BridgeError } from '../errors.js';

const map = (error: unknown) => toBridgeError(error, 'PHONE_ACTION_FAILED', 'am start on S1');

test('adb FAIL texts map to device codes', () => {
  assert.equal(map(new Error("Failure: 'device 'S1' not found'")).code, 'DEVICE_GONE');
  assert.equal(map(new Error("Failure: 'device offline'")).code, 'DEVICE_GONE');
  assert.equal(map(new Error('Premature end of stream, needed 4 more bytes')).code, 'DEVICE_GONE');
  assert.equal(
    map(new Error("Failure: 'device unauthorized.\nThis adb server's $ADB_VENDOR_KEYS is not set'"))
      .code,
    'DEVICE_UNAUTHORIZED',
  );
});

test('socket errors mean the adb server is unreachable', () => {
  const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5037'), {
    code: 'ECONNREFUSED',
  });
  const mapped = map(refused);
  assert.equal(mapped.code, 'ADB_SERVER_UNREACHABLE');
  assert.equal(mapped.cause, refused);
});

test('anything else gets the fallback code, the context and only the first line', () => {
  const mapped = map(new Error("Failure: 'cannot bind listener: Address already in use'\nmore"));
  assert.equal(mapped.code, 'PHONE_ACTION_FAILED');
  assert.equal(
    mapped.message,
    "am start on S1: Failure: 'cannot bind listener: Address already in use'",
  );
  const already = new BridgeError('INVALID_ARGUMENT', 'bad');
  assert.equal(map(already), already);
});

test("adb's text is quoted with digit runs masked and cut to 200 characters", () => {
  const imei = '490154203237518';
  const mapped = map(new Error(`Failure: 'no such service ${imei}' ${'x'.repeat(400)}`));
  assert.ok(!mapped.message.includes(imei), mapped.message);
  assert.match(mapped.message, /no such service \*\*\*\*7518/);
  assert.ok(mapped.message.length < 260, `message is ${mapped.message.length} characters`);
});
