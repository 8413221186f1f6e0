import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppendBatcher, type AppendArgs } from './append-batcher.js';
import type { RedisLink } from './redis-link.js';

/** A RedisLink whose appendMany answers [1, seq] per message, recording each call's arguments. */
function fakeRedis(fail = false) {
  const calls: unknown[][] = [];
  const redis = {
    script: async (name: string, ...args: unknown[]) => {
      calls.push([name, ...args]);
      if (fail) throw new Error('redis away');
      const results: number[] = [];
      for (let i = 1; i < args.length; i += 9) results.push(1, args[i + 6] as number);
      return results;
    },
  } as unknown as RedisLink;
  return { redis, calls };
}

const message = (seq: number): AppendArgs => [
  'seat',
  'slot',
  'peerSlot',
  'peerQ',
  'peerSeat',
  'node/1',
  seq,
  Buffer.from(`{"seq":${seq}}`),
  0,
];

describe('AppendBatcher', () => {
  it('stores the messages of one turn in one call, in order, and answers each', async () => {
    const { redis, calls } = fakeRedis();
    const batcher = new AppendBatcher(redis);
    const replies = await Promise.all([1, 2, 3].map((seq) => batcher.append(message(seq))));
    assert.equal(calls.length, 1);
    assert.equal(calls[0]![0], 'tandemAppendMany');
    assert.deepEqual(
      [8, 17, 26].map((at) => calls[0]![at]),
      [1, 2, 3],
      'each message keeps its place',
    );
    assert.deepEqual(replies, [
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
    await batcher.append(message(4));
    assert.equal(calls.length, 2, 'a later turn is a new call');
  });

  it('fails every message of a batch when Redis fails', async () => {
    const { redis } = fakeRedis(true);
    const batcher = new AppendBatcher(redis);
    const results = await Promise.allSettled([1, 2].map((seq) => batcher.append(message(seq))));
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected'],
    );
  });
});
