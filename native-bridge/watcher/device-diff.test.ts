import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffDevices } from './device-diff.js';
import { retryDelay } from './timers.js';
import type { AdbState } from '../types.js';

const states = (entries: Record<string, AdbState>) => new Map(Object.entries(entries));

test('diff: gone devices detach, new ones attach, changed ones change state', () => {
  const known = states({ A: 'device', B: 'unauthorized', C: 'offline' });
  const next = states({ B: 'device', C: 'offline', D: { unknown: 'rescue' } });
  assert.deepEqual(diffDevices(known, next), [
    { type: 'detached', serial: 'A' },
    { type: 'state', serial: 'B', state: 'device', previous: 'unauthorized' },
    { type: 'attached', serial: 'D', state: { unknown: 'rescue' } },
  ]);
});

test('diff: identical lists (unknown states included) produce nothing', () => {
  const list = states({ A: 'device', B: { unknown: 'x' } });
  assert.deepEqual(diffDevices(list, states({ A: 'device', B: { unknown: 'x' } })), []);
});

test('retry delay doubles from 250 ms and caps at 5 s, or as configured', () => {
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6].map((n) => retryDelay(n)),
    [250, 500, 1000, 2000, 4000, 5000, 5000],
  );
  assert.deepEqual(
    [0, 1, 2].map((n) => retryDelay(n, { initialMs: 10, maxMs: 25 })),
    [10, 20, 25],
  );
});
