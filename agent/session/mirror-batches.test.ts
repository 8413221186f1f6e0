import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { bytesToBase64url } from '../../relay-client/base64.js';
import { importSealKey, seal, sealAad } from '../../relay-client/sealing.js';
import { plaintextOf } from '../../relay-client/sealed-plaintext.js';
import { restoreSequentialIds } from '../../protocol/mirror-ids.js';
import { MAX_MIRROR_EVENTS, RelayMessageSchema } from '../../protocol/relay-messages.js';
import { encodeMirrorBatch, isFullSnapshotBatch, type MirrorMessage } from './mirror-batches.js';

const event = (type: number, text = '') => ({ type, timestamp: 1, data: { text } });
/** Text gzip cannot shrink much: random base64. */
const noise = (bytes: number): string => randomBytes(bytes).toString('base64').slice(0, bytes);
/** A table-like snapshot: repetitive, as rrweb serialises rows. */
const bigSnapshot = () => [
  event(4),
  {
    type: 2,
    timestamp: 1,
    data: {
      node: {
        type: 0,
        id: 80_000,
        childNodes: Array.from({ length: 40_000 }, (_, i) => ({
          type: 2,
          tagName: 'td',
          attributes: { id: `c${i}` },
          childNodes: [{ type: 3, textContent: `row ${i}`, id: 2 * i + 1 }],
          id: 2 * i,
        })),
      },
    },
  },
];

/** The frame the relay hands the phone for one message, as the real client seals it. */
async function wireFrame(message: MirrorMessage): Promise<string> {
  const key = await importSealKey(bytesToBase64url(new Uint8Array(32)));
  const sealed = await seal(key, sealAad('pc', message.type), plaintextOf(message));
  const msg = { v: 2, t: 'msg', mode: 'reliable', seq: 1e9, type: message.type, sealed };
  return JSON.stringify({ t: 'fwd', seq: 1e9, msg });
}

/** The gzipped JSON the parts carry, as it travels (ids that follow on left out). */
function inflated(messages: MirrorMessage[]): { type: string; payload: unknown[] } {
  const parts = messages.filter((m) => m.type === 'mirror.part');
  const bytes = Buffer.concat(parts.map((part) => Buffer.from(part.data, 'base64')));
  return JSON.parse(gunzipSync(bytes).toString('utf8')) as { type: string; payload: unknown[] };
}

function joined(messages: MirrorMessage[]): unknown {
  const message = inflated(messages);
  const [first] = messages;
  if (first?.type !== 'mirror.part' || first.encoding === 'gzip') return message;
  return { ...message, payload: restoreSequentialIds(message.payload) };
}

test('a batch with a Meta or FullSnapshot event resets the replayer', () => {
  assert.equal(isFullSnapshotBatch([event(4), event(2)]), true);
  assert.equal(isFullSnapshotBatch([event(3), event(3)]), false);
  assert.equal(isFullSnapshotBatch([]), false);
});

test('a small batch travels as it is', async () => {
  const events = [event(3, 'x'), event(3, 'y')];
  assert.deepEqual(await encodeMirrorBatch(events), [{ type: 'mirror.patch', payload: events }]);
  assert.deepEqual(await encodeMirrorBatch([event(4), event(2)]), [
    { type: 'mirror.snapshot', payload: [event(4), event(2)] },
  ]);
});

test('a snapshot far over one frame travels whole, gzipped in parts that each fit a frame', async () => {
  const events = bigSnapshot();
  assert.ok(JSON.stringify(events).length > 3_000_000, 'bigger than three frames');
  const messages = await encodeMirrorBatch(events, { partBytes: 64 * 1024 });
  assert.ok(messages.length > 1, `${messages.length} parts`);
  for (const [index, message] of messages.entries()) {
    assert.equal(RelayMessageSchema.safeParse(message).success, true);
    assert.equal(message.type, 'mirror.part');
    if (message.type !== 'mirror.part') continue;
    assert.equal(message.of, 'mirror.snapshot');
    assert.equal(message.index, index);
    assert.equal(message.count, messages.length);
    assert.equal(message.id, (messages[0] as typeof message).id);
  }
  assert.deepEqual(joined(messages), { type: 'mirror.snapshot', payload: events });
  // The rows' ids follow on: only the root's and the first row's travel.
  assert.equal(JSON.stringify(inflated(messages)).match(/"id":\d/g)?.length, 2);
});

test('parts of the default size stay under the relay’s 1 MiB frame once sealed', async () => {
  const events = [event(4), event(2, noise(2_500_000))];
  const messages = await encodeMirrorBatch(events);
  assert.ok(messages.length >= 2, 'incompressible: several parts');
  for (const message of messages) {
    assert.ok((await wireFrame(message)).length < 1024 * 1024, 'under maxPayload');
  }
  assert.deepEqual(joined(messages), { type: 'mirror.snapshot', payload: events });
});

test('a compressible patch goes gzipped, and its sealed plaintext is the smaller', async () => {
  const rows = Array.from({ length: 100 }, (_, i) => event(3, `mutated row ${i} of the table`));
  const [packed] = await encodeMirrorBatch(rows);
  if (packed?.type !== 'mirror.part') return assert.fail(`a ${packed?.type}, not a part`);
  const plain = plaintextOf({ type: 'mirror.patch', payload: rows }).length;
  assert.ok(plaintextOf(packed).length < plain / 3, 'gzip bytes travel raw, not as base64');
  assert.deepEqual(joined([packed]), { type: 'mirror.patch', payload: rows });
});

test('a patch gzip would only grow travels as it is', async () => {
  // With no threshold at all, gzip's header and tables outweigh what it saves on a tiny patch.
  const tiny = [event(3, 'x')];
  const encoded = await encodeMirrorBatch(tiny, { compressFromBytes: 0 });
  assert.deepEqual(encoded, [{ type: 'mirror.patch', payload: tiny }]);
});

test('a patch with typed values is not gzipped unless it must be (its sealed size would tell)', async () => {
  const typed = { type: 3, timestamp: 1, data: { source: 5, id: 7, text: 'secret words' } };
  const patch = [...Array.from({ length: 100 }, (_, i) => event(3, `row ${i} text`)), typed];
  assert.deepEqual(await encodeMirrorBatch(patch), [{ type: 'mirror.patch', payload: patch }]);
  const huge = [typed, event(3, 'z'.repeat(700_000))];
  assert.equal((await encodeMirrorBatch(huge))[0]?.type, 'mirror.part');
});

test('over the cap the batch becomes mirror.unavailable, with its size', async () => {
  const events = [event(4), event(2, 'y'.repeat(5_000))];
  const messages = await encodeMirrorBatch(events, { maxBytes: 4_000 });
  assert.equal(messages.length, 1);
  assert.equal(messages[0]?.type, 'mirror.unavailable');
  assert.ok(messages[0]?.type === 'mirror.unavailable' && messages[0].bytes > 5_000);
});

test('more events than one message holds: a snapshot first, then patches, in order', async () => {
  const events = [
    event(4),
    event(2),
    ...Array.from({ length: MAX_MIRROR_EVENTS + 5 }, () => event(3)),
  ];
  const messages = await encodeMirrorBatch(events, { compressFromBytes: Infinity });
  assert.deepEqual(
    messages.map((m) => m.type),
    ['mirror.snapshot', 'mirror.patch'],
  );
  const payloads = messages.flatMap((m) => ('payload' in m ? m.payload : []));
  assert.deepEqual(payloads, events);
});
