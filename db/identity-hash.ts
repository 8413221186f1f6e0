// A phone's identity (an IMEI is personal data) is stored only as a keyed hash: without the key,
// which never leaves its data folder, the hash cannot be checked against a list of IMEIs.
import { createHmac } from 'node:crypto';

export type IdentityKind = 'imei' | 'serial' | 'android_id';

export interface RawIdentity {
  kind: IdentityKind;
  /** Sensitive: never written to a file, a log or an error message. */
  value: string;
}

const MIN_KEY_BYTES = 16;

/** HMAC-SHA256(key, `${kind}:${value}`) as lowercase hex. */
export function identityHash(key: Uint8Array, identity: RawIdentity): string {
  if (key.length < MIN_KEY_BYTES) {
    throw new RangeError(`identity hash key must be at least ${MIN_KEY_BYTES} bytes`);
  }
  return createHmac('sha256', key).update(`${identity.kind}:${identity.value}`).digest('hex');
}

/** The display form: `****` and the last four characters. */
export function maskIdentity(value: string): string {
  return `****${value.slice(-4)}`;
}
