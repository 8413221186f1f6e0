import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shellSourcesFor } from './imei-sources.js';

const commandsFor = (sdk: number): string[] => shellSourcesFor(sdk).map((s) => s.command);
const pkg = 's16 com.android.shell';

test('Android 4.4 (sdk 19): dumpsys first, then service call code 1', () => {
  assert.deepEqual(commandsFor(19), ['dumpsys iphonesubinfo', 'service call iphonesubinfo 1']);
});

test('Android 5.0 (sdk 21): code 1, then code 1 with the calling package', () => {
  assert.deepEqual(commandsFor(21), [
    'service call iphonesubinfo 1',
    `service call iphonesubinfo 1 ${pkg}`,
  ]);
});

test('Android 9 (sdk 28): code 1, code 1 with package, then code 3 per slot', () => {
  assert.deepEqual(commandsFor(28), [
    'service call iphonesubinfo 1',
    `service call iphonesubinfo 1 ${pkg}`,
    `service call iphonesubinfo 3 i32 0 ${pkg}`,
    `service call iphonesubinfo 3 i32 1 ${pkg}`,
  ]);
});

test('Android 10 (sdk 29): code 1 with package, then code 3 per slot', () => {
  assert.deepEqual(commandsFor(29), [
    `service call iphonesubinfo 1 ${pkg}`,
    `service call iphonesubinfo 3 i32 0 ${pkg}`,
    `service call iphonesubinfo 3 i32 1 ${pkg}`,
  ]);
});

test('Android 11+ and an unknown level: code 4 per slot, slot 0 first', () => {
  const modern = [
    `service call iphonesubinfo 4 i32 0 ${pkg}`,
    `service call iphonesubinfo 4 i32 1 ${pkg}`,
  ];
  assert.deepEqual(commandsFor(30), modern);
  assert.deepEqual(commandsFor(34), modern);
  assert.deepEqual(commandsFor(0), modern);
  assert.deepEqual(
    shellSourcesFor(34).map((s) => s.slot),
    [0, 1],
  );
});
