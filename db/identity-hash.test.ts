import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { identityHash } from './identity-hash.js';

const key = Buffer.alloc(32, 7);
const imei = { kind: 'imei' as const, value: '490154203237518' };

describe('identityHash', () => {
  it('is HMAC-SHA256 of "kind:value" as hex', () => {
    const expected = createHmac('sha256', key).update('imei:490154203237518').digest('hex');
    assert.equal(identityHash(key, imei), expected);
    assert.match(identityHash(key, imei), /^[0-9a-f]{64}$/);
  });

  it('depends on the key and on the kind', () => {
    assert.notEqual(identityHash(Buffer.alloc(32, 8), imei), identityHash(key, imei));
    assert.notEqual(identityHash(key, { ...imei, kind: 'serial' }), identityHash(key, imei));
  });

  it('refuses a short key', () => {
    assert.throws(() => identityHash(Buffer.alloc(8), imei), RangeError);
  });
});
