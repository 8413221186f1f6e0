import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { RelayErrorCode } from '../protocol/relay-errors.js';
import type { RelayMessage } from '../protocol/relay-messages.js';
import { messageOf, plaintextOf } from './sealed-plaintext.js';

const chunk = (bytes: Buffer): RelayMessage => ({
  type: 'data.file.chunk',
  id: 'f1',
  index: 3,
  data: bytes.toString('base64'),
});

test('a file chunk’s bytes travel raw after its JSON head, and come back as base64', () => {
  const bytes = randomBytes(192 * 1024);
  const message = chunk(bytes);
  const plaintext = plaintextOf(message);
  assert.ok(plaintext.length < bytes.length + 100, `${plaintext.length} bytes: no base64 inside`);
  assert.deepEqual(messageOf('data.file.chunk', plaintext), message);
});

test('a bytes tail may hold line feeds; only the first ends the head', () => {
  const message = chunk(Buffer.from('\n\n{"data":1}\n'));
  assert.deepEqual(messageOf('data.file.chunk', plaintextOf(message)), message);
});

test('other messages are their UTF-8 JSON', () => {
  const message: RelayMessage = { type: 'data.text', text: '你好\nworld' };
  const plaintext = plaintextOf(message);
  assert.equal(new TextDecoder().decode(plaintext), JSON.stringify(message));
  assert.deepEqual(messageOf('data.text', plaintext), message);
});

test('a malformed plaintext is MESSAGE_INVALID, never a crash', () => {
  const bad = [
    ['data.file.chunk', '{"type":"data.file.chunk"}'],
    ['data.file.chunk', '{"data":"AA=="}\nxx'],
    ['data.file.chunk', '[1]\nxx'],
    ['mirror.part', 'not json\nxx'],
    ['data.text', '{"type":'],
  ] as const;
  for (const [type, text] of bad) {
    assert.throws(
      () => messageOf(type, new TextEncoder().encode(text)),
      (error: unknown) => (error as { code?: string }).code === RelayErrorCode.MessageInvalid,
      `${type}: ${text}`,
    );
  }
  assert.throws(
    () => messageOf('data.text', new Uint8Array([0xff, 0xfe])),
    (error: unknown) => (error as { code?: string }).code === RelayErrorCode.MessageInvalid,
  );
});
