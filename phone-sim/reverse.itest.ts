// adb reverse through the real adb server: the phone-side listener on 127.0.0.2 reaches a server
// on the computer, with the bytes crossing adb's streams (flow control included).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect, createServer, type Server } from 'node:net';
import adbkit from '@devicefarmer/adbkit';
import { startPrivateAdbServer, type PrivateAdbServer } from '../testing/adb-server.js';
import { connectSim } from '../testing/connect-sim.js';
import { freePort } from '../testing/free-port.js';
import { startPhoneSim, type PhoneSim } from './index.js';

interface EchoServer {
  port: number;
  server: Server;
  /** One entry per connection: where it came from, and a promise settled once it closed. */
  connections: { remoteAddress: string | undefined; closed: Promise<void> }[];
}

async function startEchoServer(): Promise<EchoServer> {
  const connections: EchoServer['connections'] = [];
  const server = createServer((socket) => {
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    connections.push({ remoteAddress: socket.remoteAddress, closed });
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { port: typeof address === 'object' && address ? address.port : 0, server, connections };
}

/** Sends `payload` to host:port and collects as many bytes back, then closes. */
function roundTrip(host: string, port: number, payload: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, host);
    const chunks: Buffer[] = [];
    let received = 0;
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (received >= payload.length) {
        socket.end();
        resolve(Buffer.concat(chunks));
      }
    });
    socket.on('error', reject);
    socket.write(payload);
  });
}

describe('phone sim: adb reverse', () => {
  let adb: PrivateAdbServer;
  let sim: PhoneSim;
  let echo: EchoServer;
  const logs: string[] = [];

  before(async () => {
    adb = await startPrivateAdbServer();
    sim = await startPhoneSim({ profile: 'android-12-dual' });
    sim.on('log', (line) => logs.push(line));
    echo = await startEchoServer();
    await connectSim(adb, sim);
  });

  after(async () => {
    await adb.stop();
    await sim.close();
    echo.server.close();
  });

  it('carries a few hundred KB both ways through adb reverse (CLI)', async () => {
    const phonePort = await freePort('127.0.0.2');
    const out = await adb.adb([
      '-s',
      sim.adbSerial,
      'reverse',
      `tcp:${phonePort}`,
      `tcp:${echo.port}`,
    ]);
    assert.equal(out, '');
    const payload = Buffer.alloc(400_000);
    for (let i = 0; i < payload.length; i++) payload[i] = (i * 31 + (i >> 8)) & 0xff;
    const back = await roundTrip('127.0.0.2', phonePort, payload);
    assert.ok(back.equals(payload), 'the echoed bytes differ');
    // The echo server saw adb's own connection, and it closed once the phone side closed.
    const served = echo.connections.at(-1);
    assert.equal(served?.remoteAddress, '127.0.0.1');
    await served?.closed;
    assert.ok(logs.some((l) => l.includes(`127.0.0.2:${phonePort} (phone) -> tcp:${echo.port}`)));
  });

  it('lists and removes reverses with the adb CLI', async () => {
    const phonePort = await freePort('127.0.0.2');
    await adb.adb(['-s', sim.adbSerial, 'reverse', `tcp:${phonePort}`, `tcp:${echo.port}`]);
    const listing = await adb.adb(['-s', sim.adbSerial, 'reverse', '--list']);
    assert.match(listing, new RegExp(`^\\S+ tcp:${phonePort} tcp:${echo.port}$`, 'm'));
    await adb.adb(['-s', sim.adbSerial, 'reverse', '--remove', `tcp:${phonePort}`]);
    const after = await adb.adb(['-s', sim.adbSerial, 'reverse', '--list']);
    assert.doesNotMatch(after, new RegExp(`tcp:${phonePort} `));
    await assert.rejects(
      adb.adb(['-s', sim.adbSerial, 'reverse', '--remove', `tcp:${phonePort}`]),
      /listener 'tcp:\d+' not found/,
    );
    await assert.rejects(roundTrip('127.0.0.2', phonePort, Buffer.from('x')), /ECONNREFUSED/);
  });

  it('refuses a norebind over an existing reverse, and reports the port picked for tcp:0', async () => {
    const picked = await adb.adb(['-s', sim.adbSerial, 'reverse', 'tcp:0', `tcp:${echo.port}`]);
    assert.match(picked, /^\d+\n$/);
    const port = Number(picked.trim());
    await assert.rejects(
      adb.adb(['-s', sim.adbSerial, 'reverse', '--no-rebind', `tcp:${port}`, `tcp:${echo.port}`]),
      /cannot rebind existing socket/,
    );
    const back = await roundTrip('127.0.0.2', port, Buffer.from('hello'));
    assert.equal(back.toString(), 'hello');
    await adb.adb(['-s', sim.adbSerial, 'reverse', '--remove-all']);
    assert.equal((await adb.adb(['-s', sim.adbSerial, 'reverse', '--list'])).trim(), '');
  });

  it('serves adbkit reverse() and listReverses(), and drops listeners on unplug', async () => {
    const device = adbkit.Adb.createClient({ port: adb.port }).getDevice(sim.adbSerial);
    const phonePort = await freePort('127.0.0.2');
    assert.equal(await device.reverse(`tcp:${phonePort}`, `tcp:${echo.port}`), true);
    assert.deepEqual(await device.listReverses(), [
      { remote: `tcp:${phonePort}`, local: `tcp:${echo.port}` },
    ]);
    assert.equal((await roundTrip('127.0.0.2', phonePort, Buffer.from('ping'))).toString(), 'ping');
    await sim.unplug();
    await assert.rejects(roundTrip('127.0.0.2', phonePort, Buffer.from('x')), /ECONNREFUSED/);
  });
});
