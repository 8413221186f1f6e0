import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AdbDeviceLine } from '../adb/adb-state.js';
import { flush } from '../../testing/scripted-tracker.js';
import { ListPoller } from './list-poller.js';
import { ManualTimers } from './manual-timers.js';

/** A poller whose list() hangs until `answer` is set; records calls, stalls and lists. */
function setup() {
  const timers = new ManualTimers();
  const log = { calls: 0, signals: [] as AbortSignal[], stalls: [] as string[], lists: 0 };
  const state: { answer: AdbDeviceLine[] | undefined } = { answer: undefined };
  const poller = new ListPoller({
    intervalMs: 1_000,
    timeoutMs: 5_000,
    timers,
    list: (signal) => {
      log.calls++;
      log.signals.push(signal);
      return state.answer ? Promise.resolve(state.answer) : new Promise<never>(() => {});
    },
    onList: () => log.lists++,
    onStall: (error) => log.stalls.push(error.code),
  });
  return { timers, log, state, poller };
}

test('a poll that times out is reported, and polling goes on', async () => {
  const { timers, log, state, poller } = setup();
  poller.start();
  timers.advance(1_000);
  await flush();
  assert.equal(log.calls, 1);
  timers.advance(4_999);
  await flush();
  assert.deepEqual(log.stalls, [], 'not before the bound');
  timers.advance(1);
  await flush();
  assert.deepEqual(log.stalls, ['ADB_TIMEOUT']);
  assert.equal(log.signals[0]?.aborted, true, 'the hung poll is told to close its connection');

  state.answer = [];
  timers.advance(1_000);
  await flush();
  assert.equal(log.calls, 2, 'the next poll follows the timed-out one');
  assert.equal(log.lists, 1);
  timers.advance(1_000);
  await flush();
  assert.equal(log.calls, 3);
  poller.stop();
  assert.deepEqual(timers.delays(), []);
});

test('stop gives up a poll in flight: no stall, no report, no next poll', async () => {
  const { timers, log, poller } = setup();
  poller.start();
  timers.advance(1_000);
  await flush();
  poller.stop();
  await flush();
  assert.equal(log.signals[0]?.aborted, true);
  assert.deepEqual(timers.delays(), []);
  timers.advance(60_000);
  await flush();
  assert.deepEqual([log.calls, log.stalls.length, log.lists], [1, 0, 0]);
});

test('restarted while an old poll hangs: one chain of polls, not two', async () => {
  const { timers, log, state, poller } = setup();
  poller.start();
  timers.advance(1_000);
  await flush();
  poller.stop();
  poller.start();
  state.answer = [];
  timers.advance(1_000);
  await flush();
  assert.deepEqual(timers.delays(), [1_000]);
  assert.equal(log.calls, 2);
});
