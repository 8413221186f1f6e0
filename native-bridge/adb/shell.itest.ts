// The adbkit shell runner against a real private adb server and the phone sim.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PhoneSim } from '../../testing/simulated-phone.js';
import { freePort } from '../../testing/free-port.js';
import { useSimRig } from '../../testing/sim-rig.js';
import { BridgeErrorCode, isBridgeError } from '../errors.js';
import { createAdbClient } from './client.js';
import { createShellRunner } from './shell.js';

const rig = useSimRig();
const open = (): { timeoutMs: number; signal: AbortSignal } => ({
  timeoutMs: 5_000,
  signal: new AbortController().signal,
});

const attachedSim = (profile: 'android-4.4' | 'android-14'): Promise<PhoneSim> =>
  rig.plugIn({ profile });

const hasCode =
  (code: BridgeErrorCode) =>
  (error: unknown): boolean =>
    isBridgeError(error, code);

test('runs a command and returns exactly what it printed (CRLF kept for the parsers)', async () => {
  const modern = createShellRunner(rig.client, (await attachedSim('android-14')).adbSerial);
  assert.equal(await modern('getprop ro.product.model', open()), 'Pixel 8\n');
  assert.equal(await modern('echo -n no newline', open()), 'no newline');
  const kitkat = createShellRunner(rig.client, (await attachedSim('android-4.4')).adbSerial);
  assert.equal(await kitkat('getprop ro.build.version.sdk', open()), '19\r\n');
});

test('a serial adb does not know is DeviceGone', async () => {
  const shell = createShellRunner(rig.client, '127.0.0.1:1');
  await assert.rejects(shell('getprop', open()), hasCode(BridgeErrorCode.DeviceGone));
});

test('no adb server on the port is AdbServerUnreachable', async () => {
  const nowhere = createAdbClient({
    port: await freePort(),
    adbPath: rig.adb.adbPath,
    startServer: false,
  });
  const shell = createShellRunner(nowhere, 'any');
  await assert.rejects(shell('getprop', open()), hasCode(BridgeErrorCode.AdbServerUnreachable));
});

test('a slow phone hits the timeout; an abort rejects with its reason', async () => {
  const sim = await attachedSim('android-14');
  const shell = createShellRunner(rig.client, sim.adbSerial);
  sim.setReplyDelay(1_000);
  const signal = new AbortController().signal;
  await assert.rejects(
    shell('getprop', { timeoutMs: 200, signal }),
    hasCode(BridgeErrorCode.AdbTimeout),
  );
  const stop = new AbortController();
  const pending = shell('getprop', { timeoutMs: 5_000, signal: stop.signal });
  const reason = new Error('caller gave up');
  stop.abort(reason);
  await assert.rejects(pending, reason);
  sim.setReplyDelay(0);
  assert.match(
    await shell('getprop ro.build.version.sdk', open()),
    /^34\n$/,
    'the phone still answers',
  );
});

test('unplugging mid-command is DeviceGone, not a short answer', async () => {
  const sim = await attachedSim('android-14');
  const shell = createShellRunner(rig.client, sim.adbSerial);
  sim.setReplyDelay(800);
  const pending = shell('getprop', open());
  setTimeout(() => void sim.unplug(), 100);
  await assert.rejects(pending, hasCode(BridgeErrorCode.DeviceGone));
});
