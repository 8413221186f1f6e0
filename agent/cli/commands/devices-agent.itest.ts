// `tandem devices` beside a running agent, without --adb-port: it must ask the agent's adb server
// (a private port here) and list the phone the agent sees, not start a second adb server on the
// default port. The default port is pointed at a free private port (ANDROID_ADB_SERVER_PORT), so
// no version of the command can touch 5037 from this test; 5037 is only looked at.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { luhnComplete, startPhoneSim, type PhoneSim } from '../../../phone-sim/index.js';
import { startPrivateAdbServer, type PrivateAdbServer } from '../../../testing/adb-server.js';
import { startAgentProcess, type AgentProcess } from '../../../testing/agent-process.js';
import { connectSim } from '../../../testing/connect-sim.js';
import { freePort } from '../../../testing/free-port.js';
import { isListening } from '../../../testing/listening.js';
import { waitFor } from '../../../testing/wait.js';
import { readAgentFile } from '../../control/agent-file.js';
import type { DeviceRow } from '../devices/device-rows.js';

const IMEI = luhnComplete('35290611077777');
const root = mkdtempSync(join(tmpdir(), 'tandem-devices-agent-'));
let adb: PrivateAdbServer;
let sim: PhoneSim;
let agent: AgentProcess;

before(async () => {
  adb = await startPrivateAdbServer();
  sim = await startPhoneSim({ port: 0, profile: 'android-14', imei: IMEI });
  await connectSim(adb, sim);
  agent = await startAgentProcess({ dataDir: root, adbPort: adb.port });
});

after(async () => {
  await agent?.stop();
  await sim?.close();
  await adb?.stop();
  rmSync(root, { recursive: true, force: true });
});

function tandemDevices(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['bin/tandem.js', 'devices', ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

test("without --adb-port, tandem devices lists the agent's phone through the agent's adb server", async () => {
  assert.equal(readAgentFile(root)?.adbPort, adb.port, 'agent.json records the adb port');
  // The agent itself sees the phone first.
  await waitFor(
    'the agent seeing the phone',
    async () => (await agent.status()).devices.some((d) => d.serial === sim.adbSerial),
    { timeoutMs: 20_000, intervalMs: 50 },
  );
  const decoyPort = await freePort();
  const on5037Before = await isListening(5037);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ADB: adb.adbPath,
    ANDROID_ADB_SERVER_PORT: String(decoyPort),
  };
  const run = await tandemDevices(['--json', '--data', root], env);
  assert.equal(run.code, 0, run.stderr);
  const rows = JSON.parse(run.stdout) as DeviceRow[];
  const phone = rows.find((row) => row.serial === sim.adbSerial);
  assert.equal(phone?.state, 'device', run.stdout);
  assert.deepEqual(phone?.identity, { kind: 'imei', masked: `****${IMEI.slice(-4)}` });
  assert.ok(!run.stdout.includes(IMEI) && !run.stderr.includes(IMEI));
  assert.match(
    run.stderr,
    new RegExp(`adb server 127\\.0\\.0\\.1:${adb.port} \\(the running agent's`),
  );
  assert.equal(
    await isListening(decoyPort),
    false,
    'no adb server was started on the default port',
  );
  if (!on5037Before) assert.equal(await isListening(5037), false, 'nothing listens on 5037');
});

test('--adb-port still wins over the agent', async () => {
  const elsewhere = await freePort();
  const env = { ...process.env, ADB: adb.adbPath };
  // A second private adb server the test owns (with no phone), so the flag's port is observable.
  const other = await startPrivateAdbServer(elsewhere);
  try {
    const run = await tandemDevices(
      ['--json', '--data', root, '--adb-port', String(other.port)],
      env,
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), [], 'the other adb server knows no phone');
    assert.match(
      run.stderr,
      new RegExp(`adb server 127\\.0\\.0\\.1:${other.port} \\(--adb-port\\)`),
    );
  } finally {
    await other.stop();
  }
});
