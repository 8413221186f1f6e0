// `tandem phone-sim` as a person runs it: a real process on a private port, attached to a private
// adb server; what it prints, what adb reads from it, and how it refuses a bad IMEI.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { luhnComplete } from '../../../phone-sim/index.js';
import { startPrivateAdbServer, type PrivateAdbServer } from '../../../testing/adb-server.js';
import { connectSim } from '../../../testing/connect-sim.js';
import { freePort } from '../../../testing/free-port.js';
import { waitFor } from '../../../testing/wait.js';

let adb: PrivateAdbServer;

before(async () => {
  adb = await startPrivateAdbServer();
});

after(async () => {
  await adb?.stop();
});

function phoneSim(args: string[]) {
  const child = spawn(process.execPath, ['bin/tandem.js', 'phone-sim', ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  /** Resolves once `pattern` shows in stdout or stderr; fails if the process ends first. */
  let running = true;
  void exited.then(() => (running = false));
  const untilOutput = (stream: 'stdout' | 'stderr', pattern: RegExp) =>
    waitFor(
      `${String(pattern)} in ${stream}`,
      () => pattern.test(stream === 'stdout' ? stdout : stderr),
      {
        timeoutMs: 20_000,
        intervalMs: 50,
        detail: () => `stdout: ${stdout} stderr: ${stderr}`,
        giveUpIf: () => (running ? undefined : 'the process ended'),
      },
    );
  return { child, exited, untilOutput, out: () => ({ stdout, stderr }) };
}

test('prints what it simulates and where; adb reads the flags back; am start is logged', async () => {
  const port = await freePort();
  const imei = luhnComplete('35290611099999');
  const sim = phoneSim([
    ...['--profile', 'android-12-dual', '--port', String(port), '--imei', imei],
    ...['--model', 'CLI Phone', '--manufacturer', 'Acme', '--brand', 'acmebrand'],
    ...['--serial', 'CLISERIAL1'],
  ]);
  try {
    await sim.untilOutput('stdout', /attach it with: .*\n/);
    const serial = `127.0.0.1:${port}`;
    assert.deepEqual(sim.out().stdout.split('\n').slice(1), [
      'model CLI Phone, Android 12',
      'manufacturer Acme, brand acmebrand',
      `listening on ${serial}`,
      `attach it with: adb connect ${serial}`,
      '',
    ]);
    assert.match(sim.out().stdout, /^profile android-12-dual: /);
    assert.ok(!sim.out().stdout.includes(imei), 'the IMEI is not printed');

    await connectSim(adb, { adbSerial: serial });
    const getprop = (name: string) => adb.adb(['-s', serial, 'shell', 'getprop', name]);
    assert.equal(await getprop('ro.product.manufacturer'), 'Acme\n');
    assert.equal(await getprop('ro.product.brand'), 'acmebrand\n');
    assert.equal(await getprop('ro.serialno'), 'CLISERIAL1\n');

    const url = 'https://example.test/s?a=1&b=2';
    await adb.adb(['-s', serial, 'shell', `am start -a android.intent.action.VIEW -d '${url}'`]);
    await sim.untilOutput('stderr', /phone-sim: am start: /);
    assert.match(
      sim.out().stderr,
      /^phone-sim: am start: action=android\.intent\.action\.VIEW data=https:\/\/example\.test\/s\?a=1&b=2$/m,
    );
    await adb.adb(['disconnect', serial]).catch(() => '');
  } finally {
    sim.child.kill('SIGTERM');
  }
  assert.equal(await sim.exited, 0, sim.out().stderr);
});

test('an invalid --imei or --imei2 is refused with a stable code, exit 2, digits not echoed', async () => {
  const valid = luhnComplete('35290611088888');
  const badCheckDigit = valid.slice(0, 14) + String((Number(valid.at(-1)) + 1) % 10);
  for (const [flag, digits] of [
    ['--imei', badCheckDigit],
    ['--imei', valid.slice(0, 14)],
    ['--imei2', `${valid}0`],
  ] as const) {
    const sim = phoneSim(['--profile', 'android-12-dual', flag, digits]);
    // Without the check the sim would start and run until killed.
    const timer = setTimeout(() => sim.child.kill('SIGKILL'), 15_000);
    const code = await sim.exited;
    clearTimeout(timer);
    const { stdout, stderr } = sim.out();
    assert.equal(code, 2, `${flag} ${digits.length} digits: ${stderr}`);
    assert.match(
      stderr,
      new RegExp(`^tandem: ${flag} is not a valid IMEI: .*\\[PHONE_SIM_INVALID_OPTION\\]\\n$`),
    );
    assert.ok(!stderr.includes(digits.slice(-6)) && !stdout.includes(digits.slice(-6)));
    assert.equal(stdout, '', 'no sim was started');
  }
});
