// The two backends of aead.ts byte for byte: the pure-JS one (@noble) against WebCrypto, both ways:
// the same ciphertext for the same key, nonce and AAD; sealed by one, opened by the other; the same
// SHA-256; and a session whose two ends run on different backends.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { isRelayError } from '../protocol/relay-errors.js';
import {
  cryptoBackend,
  installCryptoFallback,
  webCryptoBackend,
  type CryptoBackend,
} from './aead.js';
import { nobleCryptoBackend } from './aead-noble.js';
import { PayloadCodec, type FramePayload } from './payload-codec.js';
import { sha256Hex } from './file-transfer.js';
import { generateSealKey } from './sealing.js';

const webCrypto = webCryptoBackend(crypto.subtle);
const backends: Array<[CryptoBackend, CryptoBackend]> = [
  [webCrypto, nobleCryptoBackend],
  [nobleCryptoBackend, webCrypto],
];
const bytes = (n: number) => new Uint8Array(randomBytes(n));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
/** Around the 16-byte block and the 64-byte SHA-256 block, and large. */
const SIZES = [0, 1, 15, 16, 17, 55, 56, 63, 64, 65, 1000, 48 * 1024 + 3, 1 << 20];

function sealedOf(payload: FramePayload): string {
  assert.ok('sealed' in payload, 'a sealed payload');
  return payload.sealed;
}

/** Runs `body` with `crypto.subtle` gone, as on a page that is not a secure context. */
async function withoutSubtle<T>(body: () => Promise<T>): Promise<T> {
  const real = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
  const webcrypto = globalThis.crypto;
  Object.defineProperty(globalThis, 'crypto', {
    configurable: true,
    enumerable: true,
    value: { getRandomValues: webcrypto.getRandomValues.bind(webcrypto) },
  });
  try {
    assert.equal(globalThis.crypto.subtle, undefined);
    return await body();
  } finally {
    Object.defineProperty(globalThis, 'crypto', real);
  }
}

describe('AES-256-GCM: noble against WebCrypto', () => {
  it('meets a known answer (NIST GCM test case 16, AES-256 with AAD)', async () => {
    const key = Buffer.from(
      'feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308',
      'hex',
    );
    const iv = Buffer.from('cafebabefacedbaddecaf888', 'hex');
    const aad = Buffer.from('feedfacedeadbeeffeedfacedeadbeefabaddad2', 'hex');
    const plaintext = Buffer.from(
      'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39',
      'hex',
    );
    const expected =
      '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662' +
      '76fc6ece0f4e1768cddf8853bb2d551b';
    for (const backend of [webCrypto, nobleCryptoBackend]) {
      const k = await backend.importKey(new Uint8Array(key));
      const sealed = await k.encrypt(
        new Uint8Array(iv),
        new Uint8Array(aad),
        new Uint8Array(plaintext),
      );
      assert.equal(hex(sealed), expected, backend.name);
    }
  });

  it('gives the same ciphertext for the same key, nonce and AAD', async () => {
    for (const size of SIZES) {
      const [raw, iv, aad, plaintext] = [bytes(32), bytes(12), bytes(size % 40), bytes(size)];
      const byWeb = await (await webCrypto.importKey(raw)).encrypt(iv, aad, plaintext);
      const byNoble = await (await nobleCryptoBackend.importKey(raw)).encrypt(iv, aad, plaintext);
      assert.equal(byNoble.length, size + 16);
      assert.equal(hex(byNoble), hex(byWeb), `${size} bytes`);
    }
  });

  for (const [sealer, opener] of backends) {
    it(`opens with ${opener.name} what ${sealer.name} sealed, and refuses a change`, async () => {
      for (const size of SIZES) {
        const [raw, iv, aad, plaintext] = [bytes(32), bytes(12), bytes(20), bytes(size)];
        const sealed = await (await sealer.importKey(raw)).encrypt(iv, aad, plaintext);
        const key = await opener.importKey(raw);
        assert.equal(hex(await key.decrypt(iv, aad, sealed)), hex(plaintext), `${size} bytes`);
        const flipped = sealed.slice();
        flipped[size % sealed.length]! ^= 1;
        await assert.rejects(key.decrypt(iv, aad, flipped), `a changed byte (${size})`);
        await assert.rejects(key.decrypt(iv, bytes(20), sealed), `another AAD (${size})`);
        const otherKey = await opener.importKey(bytes(32));
        await assert.rejects(otherKey.decrypt(iv, aad, sealed), `another key (${size})`);
      }
    });
  }
});

describe('SHA-256: noble against WebCrypto', () => {
  it('gives the same digests, and the known one of "abc"', async () => {
    const abc = new Uint8Array(Buffer.from('abc'));
    const abcDigest = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    assert.equal(hex(await nobleCryptoBackend.sha256(abc)), abcDigest);
    assert.equal(hex(await webCrypto.sha256(abc)), abcDigest);
    for (const size of SIZES) {
      const data = bytes(size);
      const [a, b] = [await webCrypto.sha256(data), await nobleCryptoBackend.sha256(data)];
      assert.equal(hex(b), hex(a), `${size} bytes`);
    }
  });
});

describe('the backend chosen at run time', () => {
  it('is WebCrypto where crypto.subtle exists', async () => {
    assert.equal((await cryptoBackend()).name, 'webcrypto');
  });

  it('without crypto.subtle: the installed fallback, loaded once (a failed load is tried again)', async () => {
    await withoutSubtle(async () => {
      installCryptoFallback(() => Promise.reject(new Error('the script did not load')));
      await assert.rejects(cryptoBackend(), /did not load/);
      let loads = 0;
      installCryptoFallback(async () => (loads++, nobleCryptoBackend));
      assert.equal((await cryptoBackend()).name, 'noble');
      assert.equal((await cryptoBackend()).name, 'noble');
      assert.equal(loads, 1);
      const data = bytes(1000);
      assert.equal(await sha256Hex(data), hex(await webCrypto.sha256(data)));
    });
    assert.equal((await cryptoBackend()).name, 'webcrypto');
  });

  it('a message sealed on a page without crypto.subtle opens at a WebCrypto PC, and back', async () => {
    const parts = { server: 'http://127.0.0.1:1', pageId: 'page', sealKey: generateSealKey() };
    const pc = new PayloadCodec(parts, 'pc', true);
    const fromPc = sealedOf(await pc.payloadOf({ type: 'data.text', text: 'from the PC' }));
    installCryptoFallback(async () => nobleCryptoBackend);
    const [atPhone, fromPhone] = await withoutSubtle(async () => {
      const phone = new PayloadCodec(parts, 'phone', true);
      return [
        await phone.messageOf('data.text', fromPc, undefined),
        sealedOf(await phone.payloadOf({ type: 'data.text', text: 'from the phone' })),
      ] as const;
    });
    assert.deepEqual(atPhone, { type: 'data.text', text: 'from the PC' });
    assert.deepEqual(await pc.messageOf('data.text', fromPhone, undefined), {
      type: 'data.text',
      text: 'from the phone',
    });
    await assert.rejects(
      pc.messageOf('data.text', fromPc, undefined),
      (error) => isRelayError(error, 'E2E_DECRYPT_FAILED'),
      'the AAD still binds the sender',
    );
  });
});
