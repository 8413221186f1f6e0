// Fault injection: the standalone pairing server is killed (SIGKILL) while a phone is connected,
// then started again on the same port with the same data folder. The agent must say so within
// 10 s (`failed`, SERVER_UNREACHABLE), log it once, and reconnect the phone by itself afterwards.
// Real parts: `tandem server` and `tandem agent` child processes, a private adb server, a
// simulated phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useAgentRig } from '../../testing/agent-rig.js';
import { freePort } from '../../testing/free-port.js';
import { startServerProcess, type ServerProcess } from '../../testing/server-process.js';

const rig = useAgentRig('tandem-server-killed-', '35693803569911');
const servers: ServerProcess[] = [];
rig.onStop(async () => {
  for (const server of servers) await server.kill();
});

test('server killed: failed (SERVER_UNREACHABLE) within 10 s, logged once; restarted: connected again', async () => {
  const port = await freePort();
  const { sim, imei } = rig;
  const serverDir = join(rig.root, 'server');
  const first = await startServerProcess({ port, dataDir: serverDir });
  servers.push(first);
  const agent = await rig.startAgent({ serverUrl: first.url });
  await rig.connectPhone();
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
