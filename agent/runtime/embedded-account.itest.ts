// The agent with its embedded pairing server, restarted: the server comes back on another port, and
// the agent must still be the same shadow account there, so it keeps owning its phones' bindings.
// Driven through the CLI a person uses: tandem status, history, forget and release.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { luhnComplete } from '../../phone-sim/index.js';
import { useAgentRig } from '../../testing/agent-rig.js';
import type { AgentProcess } from '../../testing/agent-process.js';
import { runTandem } from '../../testing/tandem-cli.js';

const rig = useAgentRig('tandem-embedded-', '35875106220044');
const { imei } = rig;
const masked = `****${imei.slice(-4)}`;
const outputs: string[] = [];

async function stopAgent(): Promise<void> {
  outputs.push(rig.agent?.output() ?? '');
  await rig.stopAgent();
}

async function replug(running: AgentProcess): Promise<void> {
  await rig.adb.adb(['disconnect', rig.sim.adbSerial]);
  await running.waitFor(rig.sim.adbSerial, ['gone']);
  await rig.connectPhone();
}

async function tandem(...args: string[]): ReturnType<typeof runTandem> {
  const run = await runTandem([...args, '--data', rig.dataDir]);
  outputs.push(run.stdout, run.stderr);
  return run;
}

test('after a restart the agent still owns its binding on the embedded server', async () => {
  const { adb, sim } = rig;
  const first = await rig.startAgent();
  await rig.connectPhone();
  assert.equal((await first.waitFor(sim.adbSerial, ['connected', 'failed'])).decidedBy, 'server');
  const status = await tandem('status', '--json');
  assert.equal(status.code, 0, status.stderr);
  const shown = (JSON.parse(status.stdout) as { devices: Record<string, unknown>[] }).devices;
  assert.deepEqual(
    shown.map(({ serial, model, identity, state }) => ({ serial, model, identity, state })),
    [
      {
        serial: sim.adbSerial,
        model: sim.props['ro.product.model'],
        identity: { kind: 'imei', masked },
        state: 'connected',
      },
    ],
  );
  const firstServer = first.serverUrl;
  await stopAgent();
  await adb.adb(['disconnect', sim.adbSerial]);

  // Forgotten here (no agent running: the history file alone), so the server decides on replug.
  const forgot = await tandem('forget', masked);
  assert.equal(forgot.code, 0, forgot.stderr);
  assert.match(forgot.stdout, new RegExp(`^Forgot \\*{4}${imei.slice(-4)} \\(imei\\)`));

  // Restarted: the embedded server is on another port, and the agent the same account there.
  const second = await rig.startAgent();
  assert.notEqual(second.serverUrl, firstServer, 'the embedded server moved to another port');
  await rig.connectPhone();
  const again = await second.waitFor(sim.adbSerial, ['connected', 'bound-elsewhere', 'failed']);
  assert.equal(again.state, 'connected', 'the server still knows this computer as the owner');
  assert.equal(again.decidedBy, 'server');

  // The owner can release (the phone is attached), which also forgets it here.
  const released = await tandem('release', masked);
  assert.equal(released.code, 0, released.stderr);
  assert.match(released.stdout, /another computer may pair it now/);
  const history = await tandem('history', '--json');
  assert.deepEqual(JSON.parse(history.stdout), []);

  // Replugged after the release: unbound, so it binds again from scratch.
  await replug(second);
  const rebound = await second.waitFor(sim.adbSerial, ['connected', 'bound-elsewhere', 'failed']);
  assert.equal(rebound.state, 'connected');
  assert.equal(rebound.decidedBy, 'server');
});

test('forget and release name no raw identity, even when given one', async () => {
  const unknown = await tandem('forget', luhnComplete('35875106229999'));
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /\[HISTORY_NOT_FOUND\]/);
  assert.ok(unknown.stderr.includes(masked), 'it lists the phones paired here, masked');
  outputs.push(rig.agent?.output() ?? '');
  for (const text of outputs) {
    assert.ok(!text.includes(imei), 'no raw IMEI in any output');
    assert.ok(!text.includes(luhnComplete('35875106229999')), 'the typed IMEI is not echoed');
  }
});
