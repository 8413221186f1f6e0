// Phone actions through a real private adb server and adbkit to the phone sim: `am start` with a
// URL full of shell metacharacters, and adb reverse with bytes really crossing it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, createServer, type Server } from 'node:net';
import { once } from 'node:events';
import { startPhoneSim, type PhoneSim } from '../../testing/simulated-phone.js';
import { startPrivateAdbServer, type PrivateAdbServer } from '../../testing/adb-server.js';
import { connectSim } from '../../testing/connect-sim.js';
import { freePort } from '../../testing/free-port.js';
import { createAdbClient, type AdbClient } from '../adb/client.js';
import { isBridgeError } from '../errors.js';
import { openUrlOnPhone } from './open-url.js';
import { addReverse, listReverses, removeReverse } from './reverse.js';

let adb: PrivateAdbServer;
let client: AdbClient;
let sim: PhoneSim;
let echo: Server;

before(async () => {
  adb = await startPrivateAdbServer();
  client = createAdbClient({ port: adb.port, adbPath: adb.adbPath, startServer: false });
  sim = await startPhoneSim({ port: 0 });
  await connectSim(adb, sim);
  echo = createServer((socket) => socket.pipe(socket));
  echo.listen(0, '127.0.0.1');
  await once(echo, 'listening');
});

after(async () => {
  echo?.close();
  await sim?.close();
  await adb?.stop();
});

test('a URL with & ; # quotes and spaces reaches the phone intact', async () => {
  const url = `https://example.test/p?a=1&b=2;c=3#frag 'q' "dq" x y`;
  await openUrlOnPhone(client, sim.adbSerial, url);
  const intent = sim.intents.at(-1);
  assert.equal(intent?.action, 'android.intent.action.VIEW');
  assert.equal(intent?.data, url);
});

test('a URL with "Exception" in it opens: am echoes it, and that is no refusal', async () => {
  const url = 'https://example.test/wiki/IllegalStateException?see=java.lang.Exception';
  await openUrlOnPhone(client, sim.adbSerial, url);
  assert.equal(sim.intents.at(-1)?.data, url);
});

test('a non-http URL never reaches the phone', async () => {
  const before = sim.intents.length;
  await assert.rejects(openUrlOnPhone(client, sim.adbSerial, 'file:///sdcard/x.html'), (e) =>
    isBridgeError(e, 'INVALID_ARGUMENT'),
  );
  assert.equal(sim.intents.length, before);
});

test('a phone that does not answer in time is an AdbTimeout; an unknown serial is DeviceGone', async () => {
  sim.setReplyDelay(1_000);
  try {
    await assert.rejects(
      openUrlOnPhone(client, sim.adbSerial, 'https://example.test/', { timeoutMs: 200 }),
      (e) => isBridgeError(e, 'ADB_TIMEOUT'),
    );
  } finally {
    sim.setReplyDelay(0);
  }
  await assert.rejects(openUrlOnPhone(client, '127.0.0.1:1', 'https://example.test/'), (e) =>
    isBridgeError(e, 'DEVICE_GONE'),
  );
});

test('reverse: add, list, bytes cross from the phone side to the host, remove', async () => {
  const address = echo.address();
  const localPort = typeof address === 'object' && address ? address.port : 0;
  const remotePort = await freePort('127.0.0.2');

  await addReverse(client, sim.adbSerial, remotePort, localPort);
  assert.deepEqual(await listReverses(client, sim.adbSerial), [
    { remote: `tcp:${remotePort}`, local: `tcp:${localPort}` },
  ]);

  // The sim's "localhost" is 127.0.0.2: this socket plays a page on the phone.
  const phoneSide = connect(remotePort, '127.0.0.2');
  await once(phoneSide, 'connect');
  phoneSide.write('ping through adb reverse');
  const [reply] = (await once(phoneSide, 'data')) as [Buffer];
  assert.equal(reply.toString(), 'ping through adb reverse');
  phoneSide.destroy();

  await removeReverse(client, sim.adbSerial, remotePort);
  assert.deepEqual(await listReverses(client, sim.adbSerial), []);
  const refused = connect(remotePort, '127.0.0.2');
  const [error] = (await once(refused, 'error')) as [NodeJS.ErrnoException];
  assert.equal(error.code, 'ECONNREFUSED');

  await assert.rejects(removeReverse(client, sim.adbSerial, remotePort), (e) =>
    isBridgeError(e, 'PHONE_ACTION_FAILED'),
  );
});
