// Secrets of a session: random ids, hashed secrets compared in constant time, and the role tokens
// of matching rule (b): HMAC-SHA256 over page id and role under the session's seal key.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Role } from '../../protocol/relay-frames.js';

/** `bytes` random bytes as base64url (16 bytes = 128 bits). */
export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** Constant-time: hashing first makes both sides the same length whatever was presented. */
export function secretMatches(presented: string, storedHash: Buffer): boolean {
  return timingSafeEqual(hashSecret(presented), storedHash);
}

export function roleToken(sealKey: Buffer, pageId: string, role: Role): string {
  return createHmac('sha256', sealKey)
    .update(`tandem-role-token/1|${pageId}|${role}`)
    .digest('base64url');
}

export function roleTokenMatches(
  presented: string,
  sealKey: Buffer,
  pageId: string,
  role: Role,
): boolean {
  const expected = Buffer.from(roleToken(sealKey, pageId, role), 'utf8');
  const given = Buffer.from(presented, 'utf8');
  // Compare equal-length buffers only; the length of a token is public (43 chars).
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}
