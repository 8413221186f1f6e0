import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addReverse, listReverses, removeReverse, type ReverseClient } from './reverse.js';
import { isBridgeError } from '../errors.js';

// A client that must not be reached: bad ports are refused before any adb traffic.
const unreachable = {
  getDevice() {
    throw new Error('adb must not be called');
  },
} as unknown as ReverseClient;

test('reverse ports must be integers from 1 to 65535', async () => {
  for (const port of [0, -1, 65536, 1.5, Number.NaN]) {
    await assert.rejects(addReverse(unreachable, 'S1', port, 8080), (e) =>
      isBridgeError(e, 'INVALID_ARGUMENT'),
    );
    await assert.rejects(addReverse(unreachable, 'S1', 8080, port), (e) =>
      isBridgeError(e, 'INVALID_ARGUMENT'),
    );
    await assert.rejects(removeReverse(unreachable, 'S1', port), (e) =>
      isBridgeError(e, 'INVALID_ARGUMENT'),
    );
  }
});

test('adb failures are mapped to codes', async () => {
  const failing = (message: string) =>
    ({
      getDevice: () => ({
        reverse: async () => {
          throw new Error(message);
        },
        listReverses: async () => {
          throw new Error(message);
        },
      }),
    }) as unknown as ReverseClient;
  await assert.rejects(
    addReverse(
      failing("Failure: 'cannot bind listener: Address already in use'"),
      'S1',
      8080,
      9000,
    ),
    (e) =>
      isBridgeError(e, 'PHONE_ACTION_FAILED') &&
      e.message.startsWith('adb reverse tcp:8080 tcp:9000 on S1'),
  );
  await assert.rejects(listReverses(failing("Failure: 'device offline'"), 'S1'), (e) =>
    isBridgeError(e, 'DEVICE_GONE'),
  );
});
