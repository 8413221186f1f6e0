import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isBridgeError } from '../errors.js';
import { encodeService, MAX_SERVICE_BYTES } from './smart-socket.js';

test('a request is framed by its length in 4 hex digits', () => {
  assert.equal(encodeService('host:devices').toString(), '000chost:devices');
  const longest = encodeService('x'.repeat(MAX_SERVICE_BYTES));
  assert.equal(longest.subarray(0, 4).toString(), 'ffff');
});

test('a request over 65,535 bytes is INVALID_ARGUMENT, not a 5-digit length adb misreads', () => {
  assert.throws(
    () => encodeService(`shell:${'x'.repeat(MAX_SERVICE_BYTES)}`),
    (e) => isBridgeError(e, 'INVALID_ARGUMENT'),
  );
  // Bytes, not characters: 32,768 two-byte characters are 65,536 bytes.
  assert.throws(
    () => encodeService('ä'.repeat(32_768)),
    (e) => isBridgeError(e, 'INVALID_ARGUMENT'),
  );
});
