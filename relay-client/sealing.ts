// End-to-end sealing with AES-256-GCM (aead.ts: WebCrypto, or pure JS in a page without
// `crypto.subtle`). The key travels only in the URL fragment; the relay sees the sealed text. The AAD binds each payload to its sender and type,
// so the relay can neither reflect a message back nor relabel it.
import { RelayError, RelayErrorCode } from '../protocol/relay-errors.js';
import { cryptoBackend, type AeadKey } from './aead.js';
import { base64urlToBytes, bytesToBase64url } from './base64.js';

const IV_BYTES = 12;
const encoder = new TextEncoder();

/** A fresh random 256-bit key, base64url: the `#fragment` of a session URL. */
export function generateSealKey(): string {
  return bytesToBase64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function importSealKey(key: string): Promise<AeadKey> {
  const raw = base64urlToBytes(key);
  if (raw.length !== 32)
    throw new RelayError(RelayErrorCode.SessionUrlInvalid, 'the key must be 256 bits');
  return (await cryptoBackend()).importKey(raw);
}

export function sealAad(senderRole: string, type: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(encoder.encode(`tandem-e2e/1|${senderRole}|${type}`));
}

export async function seal(
  key: AeadKey,
  aad: Uint8Array<ArrayBuffer>,
  plaintext: Uint8Array<ArrayBuffer>,
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await key.encrypt(iv, aad, plaintext);
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return bytesToBase64url(out);
}

/** The sealed plaintext as bytes (see `sealed-plaintext.ts` for what they hold). */
export async function openBytes(
  key: AeadKey,
  aad: Uint8Array<ArrayBuffer>,
  sealedText: string,
): Promise<Uint8Array<ArrayBuffer>> {
  try {
    const bytes = base64urlToBytes(sealedText);
    return await key.decrypt(bytes.subarray(0, IV_BYTES), aad, bytes.subarray(IV_BYTES));
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
