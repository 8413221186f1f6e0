// Files over the relay without a relay: what sendFile emits, and what the assembler makes of it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { isRelayError } from '../protocol/relay-errors.js';
import { FILE_CHUNK_BYTES, type RelayMessage } from '../protocol/relay-messages.js';
import {
  FileAssembler,
  progressMessageFor,
  sendFile,
  sha256Hex,
  type FileEvent,
} from './file-transfer.js';

const file = (bytes: Uint8Array<ArrayBuffer>) => ({
  name: 'notes.bin',
  mime: 'application/octet-stream',
  kind: 'file' as const,
  bytes,
});

async function sent(bytes: Uint8Array<ArrayBuffer>): Promise<RelayMessage[]> {
  const messages: RelayMessage[] = [];
  await sendFile(async (m) => void messages.push(m), file(bytes));
  return messages;
}

async function assemble(assembler: FileAssembler, messages: RelayMessage[]): Promise<FileEvent[]> {
  const events: FileEvent[] = [];
  for (const message of messages) {
    const event = await assembler.handle(message);
    if (event) events.push(event);
  }
  return events;
}

describe('sendFile and FileAssembler', () => {
  it('carries a file of several chunks intact', async () => {
    const bytes = new Uint8Array(randomBytes(2 * FILE_CHUNK_BYTES + 5));
    const messages = await sent(bytes);
    assert.deepEqual(
      messages.map((m) => m.type),
      ['data.file.begin', 'data.file.chunk', 'data.file.chunk', 'data.file.chunk', 'data.file.end'],
    );
    const events = await assemble(new FileAssembler(), messages);
    const last = events.at(-1);
    assert.equal(last?.event, 'complete');
    assert.ok(last?.event === 'complete' && Buffer.from(last.file.bytes).equals(bytes));
    assert.deepEqual(progressMessageFor(last!), {
      type: 'data.file.progress',
      id: messages[0]!.type === 'data.file.begin' ? messages[0]!.id : '',
      received: bytes.length,
      size: bytes.length,
      done: true,
      ok: true,
    });
  });

  it('refuses to send a file above the limit (FILE_TOO_LARGE) and sends nothing', async () => {
    const messages: RelayMessage[] = [];
    await assert.rejects(
      sendFile(async (m) => void messages.push(m), file(new Uint8Array(2049)), { maxBytes: 2048 }),
      (error) => isRelayError(error, 'FILE_TOO_LARGE'),
    );
    assert.deepEqual(messages, []);
  });

  it('fails a received file announced above its limit (FILE_TOO_LARGE) and ignores its chunks', async () => {
    const messages = await sent(new Uint8Array(randomBytes(4096)));
    const events = await assemble(new FileAssembler(2048), messages);
    assert.equal(events.length, 1, 'chunks and end of a refused file are ignored');
    assert.equal(events[0]?.event, 'failed');
    assert.equal(events[0]?.event === 'failed' && events[0].code, 'FILE_TOO_LARGE');
    assert.deepEqual(
      { done: progressMessageFor(events[0]!).done, ok: progressMessageFor(events[0]!).ok },
      { done: true, ok: false },
    );
  });

  it('fails a file whose bytes do not hash to the announced SHA-256 (FILE_CHECKSUM_MISMATCH)', async () => {
    const bytes = new Uint8Array(randomBytes(3000));
    const messages = await sent(bytes);
    const begin = messages[0]!;
    assert.equal(begin.type, 'data.file.begin');
    const other = new Uint8Array(bytes);
    other[0] = other[0]! ^ 0xff;
    const tampered = messages.map((m) =>
      m.type === 'data.file.begin' ? { ...m, sha256: '0'.repeat(64) } : m,
    );
    const events = await assemble(new FileAssembler(), tampered);
    const last = events.at(-1);
    assert.equal(last?.event === 'failed' && last.code, 'FILE_CHECKSUM_MISMATCH');
    // The same hash check catches a flipped byte in the data.
    const flipped = messages.map((m) =>
      m.type === 'data.file.chunk' ? { ...m, data: Buffer.from(other).toString('base64') } : m,
    );
    const again = (await assemble(new FileAssembler(), flipped)).at(-1);
    assert.equal(again?.event === 'failed' && again.code, 'FILE_CHECKSUM_MISMATCH');
    assert.notEqual(await sha256Hex(other), begin.type === 'data.file.begin' && begin.sha256);
  });

  it('fails a file that ends short of its announced size (FILE_CHECKSUM_MISMATCH)', async () => {
    const messages = await sent(new Uint8Array(randomBytes(FILE_CHUNK_BYTES + 10)));
    const short = messages.filter((m) => !(m.type === 'data.file.chunk' && m.index === 1));
    const last = (await assemble(new FileAssembler(), short)).at(-1);
    assert.equal(last?.event === 'failed' && last.code, 'FILE_CHECKSUM_MISMATCH');
  });

  it('fails a file whose chunks come out of order (MESSAGE_INVALID)', async () => {
    const messages = await sent(new Uint8Array(randomBytes(FILE_CHUNK_BYTES + 10)));
    const swapped = [messages[0]!, messages[2]!, messages[1]!, messages[3]!];
    const events = await assemble(new FileAssembler(), swapped);
    assert.equal(events[1]?.event === 'failed' && events[1].code, 'MESSAGE_INVALID');
    assert.equal(events.length, 2, 'the rest of a failed file is ignored');
  });
});
