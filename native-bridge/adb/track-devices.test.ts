import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AdbDeviceTracker, trackAdbDevices } from './track-devices.js';
import type { AdbConnection } from './smart-socket.js';
import type { AdbClient } from './client.js';

/**
 * A connection whose parser hands out queued replies (`ascii` first: OKAY/FAIL), then the queued
 * length-prefixed values, then fails like a closed socket.
 */
function fakeConnection(values: string[], ascii: string[] = []) {
  const written: string[] = [];
  let body = Buffer.alloc(0);
  const state = { ended: false, destroyed: false, written };
  const connection: AdbConnection = {
    write: (data) => written.push(data.toString()),
    end: () => (state.ended = true),
    socket: { destroy: () => (state.destroyed = true) },
    parser: {
      readAscii: async () => {
        const reply = ascii.shift();
        if (reply !== undefined) return reply;
        const next = values.shift();
        if (next === undefined) throw new Error('Premature end of stream, needed 4 more bytes');
        body = Buffer.from(next);
        return body.length.toString(16).padStart(4, '0');
      },
      readBytes: async () => body,
      readError: async () => {
        throw new Error("Failure: 'closed'");
      },
      readValue: async () => {
        const next = values.shift();
        if (next === undefined) throw new Error('Premature end of stream, needed 4 more bytes');
        return Buffer.from(next);
      },
    },
  };
  return { connection, state };
}

const collect = (tracker: AdbDeviceTracker) => {
  const log: string[] = [];
  tracker.on('list', (list) =>
    log.push(`list ${list.map((d) => `${d.serial}=${JSON.stringify(d.state)}`).join(' ')}`),
  );
  tracker.on('error', (e) => log.push(`error ${e.message}`));
  tracker.on('end', () => log.push('end'));
  return log;
};

const settle = () => new Promise((r) => setImmediate(r));

test('nothing is read before start(); then every list, then error and end', async () => {
  const { connection, state } = fakeConnection([
    '',
    'S1\tunauthorized\n',
    'S1\tdevice\nS2\toffline\n',
  ]);
  const tracker = new AdbDeviceTracker(connection);
  const log = collect(tracker);
  await settle();
  assert.deepEqual(log, []);
  tracker.start();
  await settle();
  assert.deepEqual(log, [
    'list ',
    'list S1="unauthorized"',
    'list S1="device" S2="offline"',
    'error Premature end of stream, needed 4 more bytes',
    'end',
  ]);
  assert.ok(state.destroyed);
});

test('end() closes the connection and reports end once, without an error', async () => {
  const { connection, state } = fakeConnection([]);
  const tracker = new AdbDeviceTracker(connection);
  const log = collect(tracker);
  tracker.start();
  tracker.end();
  await settle();
  assert.deepEqual(log, ['end']);
  assert.ok(state.ended && state.destroyed);
});

test('trackAdbDevices sends host:track-devices and refuses a FAIL', async () => {
  const ok = fakeConnection([], ['OKAY']);
  const client = { connection: async () => ok.connection } as unknown as AdbClient;
  await trackAdbDevices(client);
  assert.deepEqual(ok.state.written, ['0012host:track-devices']);

  const refused = fakeConnection([], ['FAIL']);
  const failing = { connection: async () => refused.connection } as unknown as AdbClient;
  await assert.rejects(trackAdbDevices(failing), /closed/);
  assert.ok(refused.state.ended);
});

test('a length that is not 4 hex digits is ADB_OUTPUT_MALFORMED, not an empty list or a hang', async () => {
  for (const length of ['zzzz', '-001', '0x1f']) {
    const { connection, state } = fakeConnection([], [length]);
    let body = '';
    connection.parser.readBytes = async (n) => Buffer.from((body = 'S1\tdevice\n'.slice(0, n)));
    const tracker = new AdbDeviceTracker(connection);
    const log = collect(tracker);
    tracker.start();
    await settle();
    assert.deepEqual(log, ['error adb sent a value without a 4-hex-digit length', 'end'], length);
    assert.ok(state.destroyed);
    assert.equal(body, '', 'no body read');
  }
});
