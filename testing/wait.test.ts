import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from './wait.js';

test('waitFor resolves with the first truthy value of the check', async () => {
  let calls = 0;
  const value = await waitFor('the third call', () => (++calls === 3 ? { calls } : undefined), {
    intervalMs: 1,
  });
  assert.deepEqual(value, { calls: 3 });
});

test('waitFor fails naming what it awaited and what it saw', async () => {
  await assert.rejects(
    waitFor('the door open', () => false, { timeoutMs: 30, intervalMs: 5, detail: () => 'shut' }),
    /^Error: timed out after 30 ms waiting for the door open: shut$/,
  );
});

test('waitFor gives up at once when what it awaits can no longer come', async () => {
  const started = Date.now();
  await assert.rejects(
    waitFor('a reply', () => false, { timeoutMs: 10_000, giveUpIf: () => 'the peer left' }),
    /gave up waiting for a reply \(the peer left\)/,
  );
  assert.ok(Date.now() - started < 1_000);
});
