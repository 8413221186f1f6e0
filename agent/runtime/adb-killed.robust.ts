// Fault injection: the private adb server (the one this test started, killed by its PID) dies while
// a phone is connected. The agent must not crash, must not leave the phone `connected` over a dead
// adb, and must recover by itself: it restarts adb on its private port (startServer), and once the
// phone is attached again it pairs back to `connected` with a new session and one history record.
// Real parts: `tandem agent` as a child process, its embedded pairing server, a private adb server
// (never 5037), a simulated phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useAgentRig } from '../../testing/agent-rig.js';
import { connectSim } from '../../testing/connect-sim.js';
import { isListening } from '../../testing/listening.js';
import { waitFor } from '../../testing/wait.js';

const rig = useAgentRig('tandem-adb-killed-', '35693803569922');

test('adb server killed: the phone leaves `connected`, the agent lives and pairs it again', async () => {
  const { adb, sim, imei } = rig;
  const agent = await rig.startAgent();
  await rig.connectPhone();
  const connected = await agent.waitFor(sim.adbSerial, ['connected'], 30_000);
  assert.ok(connected.sessionId);

  const killedAt = Date.now();
  await adb.kill();
  const lost = await agent.waitFor(sim.adbSerial, ['gone', 'failed'], 15_000);
  console.log(`# after the adb kill (${Date.now() - killedAt} ms): ${JSON.stringify(lost)}`);
  assert.equal(lost.sessionId, undefined, 'no session left over a dead adb');

  // The agent restarts adb on its private port by itself (no adb client of ours runs before the
  // port answers again: an adb client would fork a daemon and hide a missing restart).
  await waitFor('adb answering on its port again', () => isListening(adb.port), 20_000);
  console.log(`# adb answers on its port again ${Date.now() - killedAt} ms after the kill`);
  await connectSim(adb, sim, { timeoutMs: 20_000 });
  const back = await agent.waitFor(sim.adbSerial, ['connected'], 30_000);
  console.log(`# connected again ${Date.now() - killedAt} ms after the kill`);
  assert.ok(back.sessionId);
  assert.notEqual(back.sessionId, connected.sessionId, 'a new session');
  const history = await agent.get<{ phones: { timesConnected: number }[] }>('/api/history');
  assert.equal(history.phones.length, 1, 'one history record, not two');
  assert.ok(!agent.output().includes(imei), 'the raw IMEI is nowhere in the agent output');
});
