import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DelayQueue } from './delay-queue.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('DelayQueue', () => {
  it('runs each callback once its delay is over, in order, on ticks', async () => {
    let clock = 0;
    const queue = new DelayQueue(100, 5, () => clock);
    const ran: string[] = [];
    queue.push(() => ran.push('a'));
    clock = 50;
    queue.push(() => ran.push('b'));
    clock = 100;
    await sleep(20);
    assert.deepEqual(ran, ['a'], 'b is not due before 150');
    clock = 150;
    await sleep(20);
    assert.deepEqual(ran, ['a', 'b']);
    assert.equal(queue.size, 0);
  });

  it('runs a callback queued from a callback on a later tick, and clear drops the rest', async () => {
    let clock = 0;
    const queue = new DelayQueue(10, 5, () => clock);
    const ran: number[] = [];
    queue.push(() => {
      ran.push(1);
      queue.push(() => ran.push(2));
    });
    clock = 10;
    await sleep(20);
    assert.deepEqual(ran, [1]);
    queue.clear();
    clock = 100;
    await sleep(20);
    assert.deepEqual(ran, [1]);
  });
});
