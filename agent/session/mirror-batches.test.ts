import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFullSnapshotBatch, splitBatch } from './mirror-batches.js';

const event = (type: number, text = '') => ({ type, timestamp: 1, data: { text } });

test('a batch with a Meta or FullSnapshot event resets the replayer', () => {
  assert.equal(isFullSnapshotBatch([event(4), event(2)]), true);
  assert.equal(isFullSnapshotBatch([event(3), event(3)]), false);
  assert.equal(isFullSnapshotBatch([]), false);
});

test('splitBatch keeps order and puts every event in exactly one part under the limits', () => {
  const events = Array.from({ length: 50 }, (_, i) => event(3, `${i}`.padEnd(100, 'x')));
  const { parts, tooLarge } = splitBatch(events, 1_000, 7);
  assert.deepEqual(parts.flat(), events);
  assert.deepEqual(tooLarge, []);
  for (const part of parts) {
    assert.ok(part.length <= 7);
    assert.ok(Buffer.byteLength(JSON.stringify(part)) <= 1_000);
  }
  assert.ok(parts.length > 1);
});

test('an event too large to travel is set aside, the rest still go', () => {
  const big = event(2, 'y'.repeat(5_000));
  const { parts, tooLarge } = splitBatch([event(4), big, event(3)], 1_000);
  assert.deepEqual(tooLarge, [big]);
  assert.deepEqual(parts.flat(), [event(4), event(3)]);
});
