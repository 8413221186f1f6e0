// Fault injection: the PostgreSQL behind a standalone `tandem server --database` is stopped. A
// phone plugged in meanwhile cannot be paired: the server answers 503 STORE_UNAVAILABLE, and the
// agent shows `failed (SERVER_UNREACHABLE)`, as for a server that does not answer. Once PostgreSQL
// is back the agent pairs the phone by itself (its retries), with no restart of anything.
// Real parts: PostgreSQL, `tandem server` and `tandem agent` child processes, a private adb server,
// a simulated phone.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { useAgentRig } from '../../testing/agent-rig.js';
import { freePort } from '../../testing/free-port.js';
import { startServerProcess, type ServerProcess } from '../../testing/server-process.js';
import { testStoreTarget, type TestStoreTarget } from '../../testing/test-store.js';

let target: TestStoreTarget;
let server: ServerProcess;
const rig = useAgentRig('tandem-pg-down-agent-', '35693803569922', {
  async setUp() {
    target = await testStoreTarget('postgres', 'tandem-pg-down-server-');
    server = await startServerProcess({
      port: await freePort(),
      dataDir: target.dataDir,
      databaseUrl: target.databaseUrl,
    });
  },
});
rig.onStop(() => server?.kill());
// Registered after the rig, so it runs after it: PostgreSQL goes once nothing uses it.
after(() => target?.dispose());

test('PostgreSQL down: failed (SERVER_UNREACHABLE); back: connected by itself', async () => {
  const { sim, imei } = rig;
  const agent = await rig.startAgent({ serverUrl: server.url });
  await target.postgres!.halt();
  await rig.connectPhone();
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
