// The sealing's AES-256-GCM and the files' SHA-256 behind one interface, with two backends chosen
// at run time: WebCrypto where `crypto.subtle` exists (Node, and a browser in a secure context),
// and the audited pure-JS code of @noble/ciphers and @noble/hashes (aead-noble.ts) where it does not:
// a phone page opened at http://192.168.x.y:PORT is no secure context, and has no `crypto.subtle`.
// The noble backend is not imported here. Whoever may run without `crypto.subtle` installs a loader
// for it (the phone page loads it as its own script), so a page in a secure context never carries it.
import { RelayError, RelayErrorCode } from '../protocol/relay-errors.js';

/** An AES-256-GCM key: `encrypt` returns the ciphertext with its 16-byte tag appended. */
export interface AeadKey {
  encrypt(
    iv: Uint8Array<ArrayBuffer>,
    aad: Uint8Array<ArrayBuffer>,
    plaintext: Uint8Array<ArrayBuffer>,
  ): Promise<Uint8Array<ArrayBuffer>>;
  /** Rejects when the tag does not verify. */
  decrypt(
    iv: Uint8Array<ArrayBuffer>,
    aad: Uint8Array<ArrayBuffer>,
    sealed: Uint8Array<ArrayBuffer>,
  ): Promise<Uint8Array<ArrayBuffer>>;
}

export interface CryptoBackend {
  readonly name: 'webcrypto' | 'noble';
  /** A 256-bit AES-GCM key from its raw bytes. */
  importKey(raw: Uint8Array<ArrayBuffer>): Promise<AeadKey>;
  sha256(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>>;
}

export function webCryptoBackend(subtle: SubtleCrypto): CryptoBackend {
  return {
    name: 'webcrypto',
    async importKey(raw) {
      const key = await subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
      const run = async (
        op: 'encrypt' | 'decrypt',
        iv: Uint8Array<ArrayBuffer>,
        additionalData: Uint8Array<ArrayBuffer>,
        data: Uint8Array<ArrayBuffer>,
      ) => new Uint8Array(await subtle[op]({ name: 'AES-GCM', iv, additionalData }, key, data));
      return {
        encrypt: (iv, aad, plaintext) => run('encrypt', iv, aad, plaintext),
        decrypt: (iv, aad, sealed) => run('decrypt', iv, aad, sealed),
      };
    },
    sha256: async (bytes) => new Uint8Array(await subtle.digest('SHA-256', bytes)),
  };
}

let loadFallback: (() => Promise<CryptoBackend>) | undefined;
let fallback: Promise<CryptoBackend> | undefined;

/** How to get the pure-JS backend when `crypto.subtle` is missing (loaded once, on first need). */
export function installCryptoFallback(load: () => Promise<CryptoBackend>): void {
  loadFallback = load;
  fallback = undefined;
}

/** WebCrypto when there is `crypto.subtle`, else the installed fallback (a failed load is retried). */
export function cryptoBackend(): Promise<CryptoBackend> {
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (subtle) return Promise.resolve(webCryptoBackend(subtle));
  if (!loadFallback) {
    return Promise.reject(
      new RelayError(RelayErrorCode.DecryptFailed, 'no crypto.subtle here, and no fallback'),
    );
  }
  fallback ??= loadFallback().catch((error: unknown) => {
    fallback = undefined;
    throw error;
  });
  return fallback;
}
