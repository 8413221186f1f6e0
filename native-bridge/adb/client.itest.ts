// Whether adbkit may start an adb server is ours to decide: with startServer false a refused
// connection stays refused and no server appears on the port.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { freePort } from '../../testing/free-port.js';
import { startPrivateAdbServer } from '../../testing/adb-server.js';
import { createAdbClient } from './client.js';

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

test('startServer false: refused, and no adb server is started', async () => {
  const port = await freePort();
  const client = createAdbClient({ port, adbPath: '/usr/bin/adb', startServer: false });
  await assert.rejects(client.listDevices(), { code: 'ECONNREFUSED' });
  assert.equal(await listening(port), false);
});

test('startServer true: adbkit runs `adb -P <port> start-server` and gets its answer', async () => {
  // startPrivateAdbServer only owns the port for the kill-server in stop(); its own server is killed.
  const adb = await startPrivateAdbServer();
  try {
    await adb.kill();
    const client = createAdbClient({ port: adb.port, adbPath: adb.adbPath, startServer: true });
    assert.deepEqual(await client.listDevices(), []);
    assert.equal(await listening(adb.port), true);
  } finally {
    await adb.stop();
  }
});
