// Fault injection: the standalone pairing server is killed (SIGKILL) while a phone is connected,
// then started again on the same port with the same data folder. The agent must say so within
// 10 s (`failed`, SERVER_UNREACHABLE), log it once, and reconnect the phone by itself afterwards.
// Real parts: `tandem server` and `tandem agent` child processes, a private adb server, a
// simulated phone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { luhnComplete, startPhoneSim, type PhoneSim } from '../../phone-sim/index.js';
import { startPrivateAdbServer, type PrivateAdbServer } from '../../testing/adb-server.js';
import { startAgentProcess, type AgentProcess } from '../../testing/agent-process.js';
import { connectSim } from '../../testing/connect-sim.js';
import { freePort } from '../../testing/free-port.js';
import { startServerProcess, type ServerProcess } from '../../testing/server-process.js';

const root = mkdtempSync(join(tmpdir(), 'tandem-server-killed-'));
const imei = luhnComplete('35693803569911');
let adb: PrivateAdbServer;
let sim: PhoneSim;
let agent: AgentProcess | undefined;
const servers: ServerProcess[] = [];

before(async () => {
  adb = await startPrivateAdbServer();
  sim = await startPhoneSim({ profile: 'android-14', imei });
});

after(async () => {
  await agent?.stop();
  for (const server of servers) await server.kill();
  await sim?.close();
  await adb?.stop();
  rmSync(root, { recursive: true, force: true });
});

test('server killed: failed (SERVER_UNREACHABLE) within 10 s, logged once; restarted: connected again', async () => {
  const port = await freePort();
  const serverDir = join(root, 'server');
  const first = await startServerProcess({ port, dataDir: serverDir });
  servers.push(first);
  agent = await startAgentProcess({
    dataDir: join(root, 'agent'),
    adbPort: adb.port,
    serverUrl: first.url,
  });
  await connectSim(adb, sim);
  const connected = await agent.waitFor(sim.adbSerial, ['connected'], 30_000);
  assert.ok(connected.sessionId);

  const killedAt = Date.now();
  await first.kill();
  const failed = await agent.waitFor(sim.adbSerial, ['failed'], 15_000);
  const noticedMs = Date.now() - killedAt;
  console.log(`# the agent noticed the killed server after ${noticedMs} ms`);
  assert.equal(failed.reason, 'SERVER_UNREACHABLE');
  assert.equal(failed.sessionId, undefined);
  assert.ok(noticedMs < 10_000, `noticed within 10 s (took ${noticedMs} ms)`);

  const second = await startServerProcess({ port, dataDir: serverDir });
  servers.push(second);
  const restartedAt = Date.now();
  const back = await agent.waitFor(sim.adbSerial, ['connected'], 20_000);
  console.log(`# connected again ${Date.now() - restartedAt} ms after the server was back`);
  assert.ok(back.sessionId);
  assert.notEqual(back.sessionId, connected.sessionId, 'a new session on the new server');

  const output = agent.output();
  const warnings = output.split('\n').filter((line) => line.includes('does not answer'));
  assert.equal(warnings.length, 1, `logged once:\n${warnings.join('\n')}`);
  const failedLines = output
    .split('\n')
    .filter((line) => line.includes(sim.adbSerial) && line.includes('failed (SERVER_UNREACHABLE)'));
  assert.equal(failedLines.length, 1, 'one failed state, no retry loop while the server was down');
  assert.ok(!output.includes(imei), 'the raw IMEI is nowhere in the agent output');
});
