import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualTimers } from '../watcher/manual-timers.js';
import { BridgeErrorCode, isBridgeError } from '../errors.js';
import { closeOnAbort, withAdbTimeout } from './adb-timeout.js';

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const never = (): Promise<never> => new Promise<never>(() => {});

test('an answer in time is passed through and its timer cleared', async () => {
  const timers = new ManualTimers();
  assert.equal(await withAdbTimeout('x', async () => 42, { timers, timeoutMs: 100 }), 42);
  assert.deepEqual(timers.delays(), []);
  await assert.rejects(
    withAdbTimeout('x', () => Promise.reject(new Error('refused')), { timers }),
    /refused/,
  );
  assert.deepEqual(timers.delays(), []);
});

test('no answer: AdbTimeout at the bound, and the work is told to close what it opened', async () => {
  const timers = new ManualTimers();
  let closed = 0;
  const call = withAdbTimeout(
    'adb devices',
    async (signal) => {
      closeOnAbort(signal, () => closed++);
      return never();
    },
    { timers, timeoutMs: 100 },
  );
  const outcome = call.then(
    () => 'resolved',
    (error: unknown) => error,
  );
  await flush();
  timers.advance(99);
  assert.equal(closed, 0);
  timers.advance(1);
  const error = await outcome;
  assert.ok(isBridgeError(error, BridgeErrorCode.AdbTimeout), String(error));
  assert.equal((error as Error).message, 'adb devices took longer than 100 ms');
  assert.equal(closed, 1);
});

test("the caller's signal gives the call up with its reason; an aborted one stops it at once", async () => {
  const timers = new ManualTimers();
  const stop = new AbortController();
  const call = withAdbTimeout('x', never, { timers, signal: stop.signal });
  const reason = new Error('stopped');
  stop.abort(reason);
  await assert.rejects(call, reason);
  assert.deepEqual(timers.delays(), []);

  let ran = false;
  await assert.rejects(
    withAdbTimeout('x', async () => (ran = true), { timers, signal: stop.signal }),
    reason,
  );
  assert.equal(ran, false);
});

test('something opened after the call was given up is closed at once', () => {
  const given = new AbortController();
  given.abort(new Error('too late'));
  let closed = false;
  assert.throws(() => closeOnAbort(given.signal, () => (closed = true)), /too late/);
  assert.ok(closed);
});
