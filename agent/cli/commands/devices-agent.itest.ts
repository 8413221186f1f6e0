// `tandem devices` beside a running agent, without --adb-port: it must ask the agent's adb server
// (a private port here) and list the phone the agent sees, not start a second adb server on the
// default port. The default port is pointed at a free private port (ANDROID_ADB_SERVER_PORT), so
// no version of the command can touch 5037 from this test; 5037 is only looked at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useAgentRig } from '../../../testing/agent-rig.js';
import { startPrivateAdbServer } from '../../../testing/adb-server.js';
import { freePort } from '../../../testing/free-port.js';
import { isListening } from '../../../testing/listening.js';
import { startTandem } from '../../../testing/tandem-cli.js';
import { waitFor } from '../../../testing/wait.js';
import { readAgentFile } from '../../control/agent-file.js';
import type { DeviceRow } from '../devices/device-rows.js';

const rig = useAgentRig('tandem-devices-agent-', '35290611077777', {
  async setUp(started) {
    await started.connectPhone();
    await started.startAgent();
  },
});
const { imei: IMEI, dataDir } = rig;

const tandemDevices = (args: string[], env: NodeJS.ProcessEnv) =>
  startTandem(['devices', ...args], env).done;

test("without --adb-port, tandem devices lists the agent's phone through the agent's adb server", async () => {
  assert.equal(readAgentFile(dataDir)?.adbPort, rig.adb.port, 'agent.json records the adb port');
  // The agent itself sees the phone first.
  await waitFor(
    'the agent seeing the phone',
    async () => (await rig.agent!.status()).devices.some((d) => d.serial === rig.sim.adbSerial),
    { timeoutMs: 20_000, intervalMs: 50 },
  );
  const decoyPort = await freePort();
  const on5037Before = await isListening(5037);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ADB: rig.adb.adbPath,
    ANDROID_ADB_SERVER_PORT: String(decoyPort),
  };
  const run = await tandemDevices(['--json', '--data', dataDir], env);
  assert.equal(run.code, 0, run.stderr);
  const rows = JSON.parse(run.stdout) as DeviceRow[];
  const phone = rows.find((row) => row.serial === rig.sim.adbSerial);
  assert.equal(phone?.state, 'device', run.stdout);
  assert.deepEqual(phone?.identity, { kind: 'imei', masked: `****${IMEI.slice(-4)}` });
  assert.ok(!run.stdout.includes(IMEI) && !run.stderr.includes(IMEI));
  assert.match(
    run.stderr,
    new RegExp(`adb server 127\\.0\\.0\\.1:${rig.adb.port} \\(the running agent's`),
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
  const env = { ...process.env, ADB: rig.adb.adbPath };
  // A second private adb server the test owns (with no phone), so the flag's port is observable.
  const other = await startPrivateAdbServer(elsewhere);
  try {
    const run = await tandemDevices(
      ['--json', '--data', dataDir, '--adb-port', String(other.port)],
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
