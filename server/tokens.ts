// Random identifiers and secrets, and the hash the server keeps of each secret. Credentials and
// session secrets are 256-bit random values, so one SHA-256 (no slow KDF) is enough to store them.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh 256-bit secret, base64url (43 characters). */
export function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** An opaque random id, base64url. */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * A shadow-account id from the time and random bytes: `c_` + base64url of 6 bytes of
 * milliseconds and 10 random bytes. Uniqueness is still checked against the store.
 */
export function generateClientId(now: number = Date.now()): string {
  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(now % 2 ** 48, 0, 6);
  randomBytes(10).copy(bytes, 6);
  return `c_${bytes.toString('base64url')}`;
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function secretMatches(secret: string, storedHash: Buffer): boolean {
  const presented = hashSecret(secret);
  return storedHash.length === presented.length && timingSafeEqual(presented, storedHash);
}
