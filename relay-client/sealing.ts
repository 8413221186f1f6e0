// End-to-end sealing with AES-256-GCM (WebCrypto: Node 20 and browsers). The key travels only in the
// URL fragment; the relay sees the sealed text. The AAD binds each payload to its sender and type,
// so the relay can neither reflect a message back nor relabel it.
import { RelayError, RelayErrorCode } from '../protocol/relay-errors.js';
import { base64urlToBytes, bytesToBase64url } from './base64.js';

const IV_BYTES = 12;
const encoder = new TextEncoder();

/** A fresh random 256-bit key, base64url: the `#fragment` of a session URL. */
export function generateSealKey(): string {
  return bytesToBase64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function importSealKey(key: string): Promise<CryptoKey> {
  const raw = base64urlToBytes(key);
  if (raw.length !== 32)
    throw new RelayError(RelayErrorCode.SessionUrlInvalid, 'the key must be 256 bits');
  return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
}

export function sealAad(senderRole: string, type: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(encoder.encode(`tandem-e2e/1|${senderRole}|${type}`));
}

export async function seal(
  key: CryptoKey,
  aad: Uint8Array<ArrayBuffer>,
  plaintext: Uint8Array<ArrayBuffer>,
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad },
    key,
    plaintext,
  );
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), IV_BYTES);
  return bytesToBase64url(out);
}

/** The sealed plaintext as bytes (see `sealed-plaintext.ts` for what they hold). */
export async function openBytes(
  key: CryptoKey,
  aad: Uint8Array<ArrayBuffer>,
  sealedText: string,
): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const bytes = base64urlToBytes(sealedText);
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: aad },
      key,
      bytes.subarray(IV_BYTES),
    );
    return new Uint8Array(plain);
  } catch (error) {
    throw new RelayError(
      RelayErrorCode.DecryptFailed,
      'a message did not open with this session key',
      {
        cause: error,
      },
    );
  }
}
