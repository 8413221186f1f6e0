import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucket } from './token-bucket.js';

describe('TokenBucket', () => {
  it('allows the burst, then asks to wait in proportion to the debt, and refills with time', () => {
    let now = 0;
    const bucket = new TokenBucket(100, 10, () => now);
    for (let i = 0; i < 10; i++) assert.equal(bucket.take(1), 0);
    assert.equal(bucket.take(5), 50, '5 tokens owed at 100/s is 50 ms');
    now += 50;
    assert.equal(bucket.take(0), 0);
    now += 10_000;
    assert.equal(bucket.take(10), 0, 'refilled, but never above the burst');
    assert.equal(bucket.take(1), 10);
  });
});
