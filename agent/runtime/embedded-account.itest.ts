// The agent with its embedded pairing server, restarted: the server comes back on another port, and
// the agent must still be the same shadow account there, so it keeps owning its phones' bindings.
// Driven through the CLI a person uses: tandem status, history, forget and release.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { luhnComplete, startPhoneSim, type PhoneSim } from '../../phone-sim/index.js';
import { startPrivateAdbServer, type PrivateAdbServer } from '../../testing/adb-server.js';
import { startAgentProcess, type AgentProcess } from '../../testing/agent-process.js';
import { connectSim } from '../../testing/connect-sim.js';

const dataDir = mkdtempSync(join(tmpdir(), 'tandem-embedded-'));
const imei = luhnComplete('35875106220044');
const masked = `****${imei.slice(-4)}`;
let adb: PrivateAdbServer;
let sim: PhoneSim;
let agent: AgentProcess | undefined;
const outputs: string[] = [];

before(async () => {
  adb = await startPrivateAdbServer();
  sim = await startPhoneSim({ profile: 'android-14', imei });
});

after(async () => {
  await agent?.stop();
  await sim?.close();
  await adb?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function startAgent(): Promise<AgentProcess> {
  agent = await startAgentProcess({ dataDir, adbPort: adb.port });
  return agent;
}

async function stopAgent(): Promise<void> {
  outputs.push(agent?.output() ?? '');
  await agent?.stop();
  agent = undefined;
}

async function replug(running: AgentProcess): Promise<void> {
  await adb.adb(['disconnect', sim.adbSerial]);
  await running.waitFor(sim.adbSerial, ['gone']);
  await connectSim(adb, sim);
}

function tandem(
  ...args: string[]
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/tandem.js', ...args, '--data', dataDir]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.on('close', (code) => {
      outputs.push(stdout, stderr);
      resolve({ code, stdout, stderr });
    }),
  );
}

test('after a restart the agent still owns its binding on the embedded server', async () => {
  const first = await startAgent();
  await connectSim(adb, sim);
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
  const second = await startAgent();
  assert.notEqual(second.serverUrl, firstServer, 'the embedded server moved to another port');
  await connectSim(adb, sim);
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
  outputs.push(agent?.output() ?? '');
  for (const text of outputs) {
    assert.ok(!text.includes(imei), 'no raw IMEI in any output');
    assert.ok(!text.includes(luhnComplete('35875106229999')), 'the typed IMEI is not echoed');
  }
});
