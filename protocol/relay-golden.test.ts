// Golden tests: the same JSON bytes are parsed and produced on both ends. Frames round-trip through
// their schema to the identical text, so the client's and the relay's serialisations agree.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ClientFrameSchema, ServerFrameSchema } from './relay-frames.js';
import {
  MAX_FILE_BYTES,
  MAX_MIRROR_EVENTS,
  MAX_TABS,
  MESSAGE_DELIVERY,
  RelayMessageSchema,
} from './relay-messages.js';

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
    const types = Object.keys(MESSAGE_DELIVERY).filter((t) => t !== 'data.file.abort');
    for (const type of types) assert.ok(seen.has(type), `golden sample for ${type}`);
  });

  it('refuses frames of another version, without seq, with bad names or extra fields', () => {
    for (const text of golden.invalid) {
      assert.equal(ClientFrameSchema.safeParse(JSON.parse(text)).success, false, text);
    }
  });

  it('refuses unsafe links, missing fields, oversized files, unknown fields and non-events', () => {
    for (const text of golden.invalidMessages) {
      assert.equal(RelayMessageSchema.safeParse(JSON.parse(text)).success, false, text);
    }
  });

  it('refuses the oversized file for its size alone', () => {
    const oversized = golden.invalidMessages.find((text) => text.includes('"size":99999999999'));
    assert.ok(oversized, 'the golden oversized-file sample');
    const begin = JSON.parse(oversized) as Record<string, unknown>;
    assert.equal(RelayMessageSchema.safeParse(begin).success, false);
    assert.equal(RelayMessageSchema.safeParse({ ...begin, size: MAX_FILE_BYTES }).success, true);
  });
});

describe('mirror messages', () => {
  it('keeps each rrweb event as it came (no copy, key order intact)', () => {
    const event = { type: 3, data: { source: 0 }, timestamp: 5, extra: [1] };
    const parsed = RelayMessageSchema.parse({ type: 'mirror.patch', payload: [event] });
    assert.equal(parsed.type === 'mirror.patch' && parsed.payload[0], event);
  });

  it('caps the events per message and the tabs per list', () => {
    const events = Array.from({ length: MAX_MIRROR_EVENTS + 1 }, () => ({ type: 3, timestamp: 1 }));
    assert.equal(
      RelayMessageSchema.safeParse({ type: 'mirror.patch', payload: events }).success,
      false,
    );
    assert.equal(
      RelayMessageSchema.safeParse({ type: 'mirror.patch', payload: events.slice(1) }).success,
      true,
    );
    const tab = { id: 't', url: 'about:blank', title: '', active: false };
    const tabs = Array.from({ length: MAX_TABS + 1 }, () => tab);
    assert.equal(RelayMessageSchema.safeParse({ type: 'mirror.tabs', tabs }).success, false);
  });

  it('delivers snapshots and patches in order (reliable), tab lists and find answers latest-wins', () => {
    assert.equal(MESSAGE_DELIVERY['mirror.snapshot'], 'reliable');
    assert.equal(MESSAGE_DELIVERY['mirror.patch'], 'reliable');
    assert.equal(MESSAGE_DELIVERY['mirror.tabs'], 'latest');
    assert.equal(MESSAGE_DELIVERY['find.result'], 'latest');
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
