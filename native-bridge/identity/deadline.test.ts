// The bounds, driven by mocked timers: no test here waits on the wall clock.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import type { ShellCallOptions } from '../adb/shell.js';
import { BridgeErrorCode, isBridgeError } from '../errors.js';
import { readIdentity } from './read-identity.js';
import { scriptedShell, stringReply } from '../../testing/identity-replies.js';

const IMEI = '356938035643809';
const PKG = 's16 com.android.shell';
const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A reply that never comes; records the signal it was given. */
function hang(signals: AbortSignal[]): (options: ShellCallOptions) => Promise<string> {
  return (options) => {
    signals.push(options.signal);
    return new Promise<string>(() => {});
  };
}

function useFakeTimers(t: TestContext): void {
  t.mock.timers.enable({ apis: ['setTimeout'] });
}

test('a call that hangs times out alone (1500 ms) and the read goes on', async (t) => {
  useFakeTimers(t);
  const signals: AbortSignal[] = [];
  const shell = scriptedShell({
    getprop: '[ro.build.version.sdk]: [34]\n',
    [`service call iphonesubinfo 4 i32 0 ${PKG}`]: hang(signals),
    [`service call iphonesubinfo 4 i32 1 ${PKG}`]: stringReply(IMEI),
  });
  const reading = readIdentity(shell);
  await flush();
  assert.equal(signals.length, 1);
  assert.equal(signals[0]?.aborted, false);
  t.mock.timers.tick(1_499);
  await flush();
  assert.equal(shell.calls.length, 2, 'still waiting before the call timeout');
  t.mock.timers.tick(1);
  assert.equal(signals[0]?.aborted, true, 'the hung call is told to stop');
  assert.ok(isBridgeError(signals[0]?.reason, BridgeErrorCode.AdbTimeout));
  assert.deepEqual((await reading).identity.imeis, [IMEI]);
});

test('the whole read is bounded: IdentityTimeout at 3000 ms even if the runner never answers', async (t) => {
  useFakeTimers(t);
  const signals: AbortSignal[] = [];
  const shell = scriptedShell({
    getprop: '[ro.build.version.sdk]: [34]\n',
    [`service call iphonesubinfo 4 i32 0 ${PKG}`]: hang(signals),
  });
  const reading = readIdentity(shell, { callTimeoutMs: 10_000 });
  await flush();
  t.mock.timers.tick(3_000);
  await assert.rejects(reading, (error: unknown) =>
    isBridgeError(error, BridgeErrorCode.IdentityTimeout),
  );
  assert.equal(signals[0]?.aborted, true);
});

test('options bound the read too, and the caller can give up with its own reason', async (t) => {
  useFakeTimers(t);
  const stop = new AbortController();
  const reading = readIdentity(scriptedShell({ getprop: hang([]) }), { signal: stop.signal });
  await flush();
  const reason = new Error('phone detached');
  stop.abort(reason);
  await assert.rejects(reading, reason);

  const quick = readIdentity(scriptedShell({ getprop: hang([]) }), {
    totalTimeoutMs: 50,
    callTimeoutMs: 40,
  });
  await flush();
  t.mock.timers.tick(40);
  // getprop is essential: its own timeout ends the read (nothing to fall back on).
  await assert.rejects(quick, (error: unknown) => isBridgeError(error, BridgeErrorCode.AdbTimeout));
});
