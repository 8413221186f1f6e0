// The pure-JS backend of aead.ts: AES-256-GCM from @noble/ciphers and SHA-256 from @noble/hashes
// (audited, no dependencies), for a page without `crypto.subtle`. The phone page loads it as its own
// script, /m/sealing.js (bundles/browser-bundle-specs.ts), only when it needs it.
import { gcm } from '@noble/ciphers/aes';
import { sha256 } from '@noble/hashes/sha2';
import type { CryptoBackend } from './aead.js';

// noble allocates its results with `new Uint8Array(n)`: their buffer is an ArrayBuffer.
const owned = (bytes: Uint8Array): Uint8Array<ArrayBuffer> => bytes as Uint8Array<ArrayBuffer>;

export const nobleCryptoBackend: CryptoBackend = {
  name: 'noble',
  async importKey(raw) {
    if (raw.length !== 32) throw new RangeError('an AES-256 key is 32 bytes');
    const key = raw.slice();
    return {
      encrypt: async (iv, aad, plaintext) => owned(gcm(key, iv, aad).encrypt(plaintext)),
      decrypt: async (iv, aad, sealed) => owned(gcm(key, iv, aad).decrypt(sealed)),
    };
  },
  sha256: async (bytes) => owned(sha256(bytes)),
};
