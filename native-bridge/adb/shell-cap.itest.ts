// The 1 MiB cap on `adb shell` output through a real private adb server and the phone sim: a
// command printing more fails with ADB_OUTPUT_TOO_LARGE, the phone keeps answering, and the
// identity read skips that source and takes the next one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { luhnComplete, startPhoneSim, type PhoneSim } from '../../testing/simulated-phone.js';
import { startPrivateAdbServer, type PrivateAdbServer } from '../../testing/adb-server.js';
import { connectSim } from '../../testing/connect-sim.js';
import { BridgeErrorCode, isBridgeError } from '../errors.js';
import { readIdentity } from '../identity/read-identity.js';
import { createAdbClient, type AdbClient } from './client.js';
import { MAX_SHELL_OUTPUT_BYTES } from './capped-read.js';
import { createShellRunner, type ShellRunner } from './shell.js';

const IMEI1 = luhnComplete('35290611012345');
const IMEI2 = luhnComplete('35290611054321');
/** `seq 1 200000` prints 1,288,895 bytes: over the 1 MiB cap. */
const HUGE = 'seq 200000';
const SLOT0 = 'service call iphonesubinfo 4 i32 0 s16 com.android.shell';

let adb: PrivateAdbServer;
let client: AdbClient;
let sim: PhoneSim;
const call = (): { timeoutMs: number; signal: AbortSignal } => ({
  timeoutMs: 10_000,
  signal: new AbortController().signal,
});

before(async () => {
  adb = await startPrivateAdbServer();
  client = createAdbClient({ port: adb.port, adbPath: adb.adbPath, startServer: false });
  sim = await startPhoneSim({ profile: 'android-12-dual', imei: IMEI1, imei2: IMEI2, port: 0 });
  await connectSim(adb, sim);
});

after(async () => {
  await sim?.close();
  await adb?.stop();
});

test('over 1 MiB is ADB_OUTPUT_TOO_LARGE; the phone answers the next command', async () => {
  const shell = createShellRunner(client, sim.adbSerial);
  assert.ok(1_288_895 > MAX_SHELL_OUTPUT_BYTES);
  await assert.rejects(shell(HUGE, call()), (error: unknown) => {
    assert.ok(isBridgeError(error, BridgeErrorCode.AdbOutputTooLarge), String(error));
    return true;
  });
  // Just under the cap is read whole (seq 150000 prints 938,895 bytes).
  assert.equal((await shell('seq 150000', call())).length, 938_895);
  assert.equal(await shell('getprop ro.build.version.sdk', call()), '31\n');
});

test('the identity read skips a source that printed too much and takes slot 1', async () => {
  const real = createShellRunner(client, sim.adbSerial);
  const failures: string[] = [];
  // Slot 0's IMEI query answers with more than 1 MiB; everything else is the phone's own answer.
  const shell: ShellRunner = async (command, options) => {
    try {
      return await real(command === SLOT0 ? HUGE : command, options);
    } catch (error) {
      failures.push(isBridgeError(error) ? error.code : String(error));
      throw error;
    }
  };
  const { identity } = await readIdentity(shell, { callTimeoutMs: 5_000, totalTimeoutMs: 15_000 });
  assert.deepEqual(failures, [BridgeErrorCode.AdbOutputTooLarge]);
  assert.equal(identity.kind, 'imei');
  assert.deepEqual(identity.kind === 'imei' && identity.imeis, [IMEI2]);
});
