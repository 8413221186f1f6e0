import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveRelayOptions } from '../relay-options.js';
import type { RedisLink } from './redis-link.js';
import { SharedRate } from './shared-rate.js';

describe('SharedRate', () => {
  const options = resolveRelayOptions({ messageBurst: 100, byteBurst: 10_240 });
  const fake = () => {
    const charged: Array<{ messages: number; bytes: number }> = [];
    const redis = {
      script: async (_name: string, _key: string, ...args: number[]) => {
        charged.push({ messages: args[2]!, bytes: args[5]! });
        return 0;
      },
    } as unknown as RedisLink;
    return { redis, charged };
  };

  it('charges Redis in batches of a tenth of a burst, not per frame', async () => {
    const { redis, charged } = fake();
    const rate = SharedRate.of('page', 'pc', options, redis);
    const waits = Array.from({ length: 25 }, () => rate.charge(10));
    assert.equal(waits.filter((wait) => wait !== undefined).length, 2);
    await Promise.all(waits);
    assert.deepEqual(charged, [
      { messages: 10, bytes: 100 },
      { messages: 10, bytes: 100 },
    ]);
  });

  it('charges a batch early when its bytes reach a tenth of the byte burst', () => {
    const { redis, charged } = fake();
    const rate = SharedRate.of('page', 'pc', options, redis);
    assert.ok(rate.charge(2_000) !== undefined);
    assert.deepEqual(charged, [{ messages: 1, bytes: 2_000 }]);
  });

  it('charges what is left when flushed (the terminal leaves), and nothing twice', () => {
    const { redis, charged } = fake();
    const rate = SharedRate.of('page', 'pc', options, redis);
    rate.charge(5);
    rate.charge(5);
    void rate.flush();
    assert.equal(rate.flush(), undefined);
    assert.deepEqual(charged, [{ messages: 2, bytes: 10 }]);
  });
});
