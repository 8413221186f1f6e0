// A phone's identity (an IMEI is personal data) is stored only as a keyed hash: without the key,
// which never leaves its data folder, the hash cannot be checked against a list of IMEIs.
import { createHmac } from 'node:crypto';
import type { RawIdentity } from '../protocol/identity.js';

const MIN_KEY_BYTES = 16;

/** HMAC-SHA256(key, `${kind}:${value}`) as lowercase hex. */
export function identityHash(key: Uint8Array, identity: RawIdentity): string {
  if (key.length < MIN_KEY_BYTES) {
    throw new RangeError(`identity hash key must be at least ${MIN_KEY_BYTES} bytes`);
  }
  return createHmac('sha256', key).update(`${identity.kind}:${identity.value}`).digest('hex');
}
