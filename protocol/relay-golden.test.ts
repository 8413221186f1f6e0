// Golden tests: the same JSON bytes are parsed and produced on both ends. Frames round-trip through
// their schema to the identical text, so the client's and the relay's serialisations agree.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ClientFrameSchema, ServerFrameSchema } from './relay-frames.js';
import { MESSAGE_DELIVERY, RelayMessageSchema } from './relay-messages.js';

const golden = JSON.parse(
  readFileSync(new URL('./fixtures/relay-golden.json', import.meta.url), 'utf8'),
) as Record<'client' | 'server' | 'messages' | 'invalid' | 'invalidMessages', string[]>;

describe('relay protocol golden frames', () => {
  it('client frames parse and serialise back to the same bytes', () => {
    for (const text of golden.client) {
      assert.equal(JSON.stringify(ClientFrameSchema.parse(JSON.parse(text))), text);
    }
  });

  it('server frames parse and serialise back to the same bytes', () => {
    for (const text of golden.server) {
      assert.equal(JSON.stringify(ServerFrameSchema.parse(JSON.parse(text))), text);
    }
  });

  it('every message type has a golden sample that round-trips', () => {
    const seen = new Set<string>();
    for (const text of golden.messages) {
      const message = RelayMessageSchema.parse(JSON.parse(text));
      assert.equal(JSON.stringify(message), text);
      seen.add(message.type);
    }
    const types = Object.keys(MESSAGE_DELIVERY).filter(
      (t) => !['data.file.abort', 'mirror.patch'].includes(t),
    );
    for (const type of types) assert.ok(seen.has(type), `golden sample for ${type}`);
  });

  it('refuses frames of another version, without seq, with bad names or extra fields', () => {
    for (const text of golden.invalid) {
      assert.equal(ClientFrameSchema.safeParse(JSON.parse(text)).success, false, text);
    }
  });

  it('refuses unsafe links, missing fields, oversized files and unknown fields', () => {
    for (const text of golden.invalidMessages) {
      assert.equal(RelayMessageSchema.safeParse(JSON.parse(text)).success, false, text);
    }
  });
});

describe('checkClientFrame (the hot-path check)', () => {
  it('agrees with ClientFrameSchema on every golden and invalid frame', async () => {
    const { checkClientFrame } = await import('./relay-frame-check.js');
    for (const text of [...golden.client, ...golden.invalid, ...golden.server]) {
      const json = JSON.parse(text) as unknown;
      assert.equal(
        checkClientFrame(json) !== undefined,
        ClientFrameSchema.safeParse(json).success,
        text,
      );
    }
  });
});
