// Fault injection: the PostgreSQL behind a standalone `tandem server --database` is stopped. A
// phone plugged in meanwhile cannot be paired: the server answers 503 STORE_UNAVAILABLE, and the
// agent shows `failed (SERVER_UNREACHABLE)`, as for a server that does not answer. Once PostgreSQL
// is back the agent pairs the phone by itself (its retries), with no restart of anything.
// Real parts: PostgreSQL, `tandem server` and `tandem agent` child processes, a private adb server,
// a simulated phone.
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
import { testStoreTarget, type TestStoreTarget } from '../../testing/test-store.js';

const root = mkdtempSync(join(tmpdir(), 'tandem-pg-down-agent-'));
const imei = luhnComplete('35693803569922');
let adb: PrivateAdbServer;
let sim: PhoneSim;
let target: TestStoreTarget;
let server: ServerProcess;
let agent: AgentProcess | undefined;

before(async () => {
  target = await testStoreTarget('postgres', 'tandem-pg-down-server-');
  adb = await startPrivateAdbServer();
  sim = await startPhoneSim({ profile: 'android-14', imei });
  server = await startServerProcess({
    port: await freePort(),
    dataDir: target.dataDir,
    databaseUrl: target.databaseUrl,
  });
});

after(async () => {
  await agent?.stop();
  await server?.kill();
  await sim?.close();
  await adb?.stop();
  await target?.dispose();
  rmSync(root, { recursive: true, force: true });
});

test('PostgreSQL down: failed (SERVER_UNREACHABLE); back: connected by itself', async () => {
  agent = await startAgentProcess({
    dataDir: join(root, 'agent'),
    adbPort: adb.port,
    serverUrl: server.url,
  });
  await target.postgres!.halt();
  await connectSim(adb, sim);
  const failed = await agent.waitFor(sim.adbSerial, ['failed', 'connected'], 30_000);
  assert.equal(failed.state, 'failed');
  assert.equal(failed.reason, 'SERVER_UNREACHABLE');

  await target.postgres!.restart();
  const restartedAt = Date.now();
  const back = await agent.waitFor(sim.adbSerial, ['connected'], 45_000);
  console.log(`# connected ${Date.now() - restartedAt} ms after PostgreSQL was back`);
  assert.ok(back.sessionId);

  const output = agent.output();
  assert.ok(
    output.split('\n').some((line) => line.includes('failed (SERVER_UNREACHABLE)')),
    'the agent said failed (SERVER_UNREACHABLE)',
  );
  assert.ok(!output.includes(imei), 'the raw IMEI is nowhere in the agent output');
  assert.ok(server.output().includes('STORE_UNAVAILABLE'), 'the server logged why it refused');
});
