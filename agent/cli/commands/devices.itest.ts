// `tandem devices` as a person runs it: a real process, a real private adb server, phone sims.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { luhnComplete, type PhoneSim } from '../../../phone-sim/index.js';
import { useSimRig } from '../../../testing/sim-rig.js';
import { startTandem } from '../../../testing/tandem-cli.js';
import { waitFor } from '../../../testing/wait.js';
import type { DeviceRow } from '../devices/device-rows.js';

const IMEI = luhnComplete('35290611012345');
const MODEL = 'Tandem Test Phone';

let ready: PhoneSim;
let locked: PhoneSim;
const rig = useSimRig(async (sims) => {
  ready = await sims.plugIn({ profile: 'android-14', imei: IMEI, model: MODEL });
  locked = await sims.plugIn({ unauthorized: true }, { expect: 'unauthorized' });
});

const tandem = (
  args: string[],
  env: NodeJS.ProcessEnv = { ...process.env, ADB: rig.adb.adbPath },
) => startTandem(['devices', ...args], env);

const port = () => ['--adb-port', String(rig.adb.port)];

test('--json lists both phones; identity masked only, the IMEI nowhere', async () => {
  const run = await tandem(['--json', ...port()]).done;
  assert.equal(run.code, 0, run.stderr);
  assert.ok(!run.stdout.includes(IMEI));
  const rows = JSON.parse(run.stdout) as DeviceRow[];
  const phone = rows.find((r) => r.serial === ready.adbSerial);
  assert.deepEqual(phone, {
    serial: ready.adbSerial,
    state: 'device',
    model: MODEL,
    manufacturer: ready.props['ro.product.manufacturer'],
    release: '14',
    sdk: 34,
    identity: { kind: 'imei', masked: `****${IMEI.slice(-4)}` },
  });
  const waiting = rows.find((r) => r.serial === locked.adbSerial);
  assert.match(waiting?.hint ?? '', /Allow USB debugging on your phone/);
  // A phone that is not ready keeps every field, null, as --help says.
  assert.deepEqual(waiting, {
    serial: locked.adbSerial,
    state: 'unauthorized',
    model: null,
    manufacturer: null,
    release: null,
    sdk: null,
    identity: null,
    hint: waiting?.hint,
  });
});

test('--help says what null means in the JSON', async () => {
  const run = await tandem(['--help']).done;
  assert.equal(run.code, 0, run.stderr);
  const help = run.stdout.replace(/\s+/g, ' ');
  assert.match(
    help,
    /model, manufacturer, release, sdk and identity are null for a phone that is not ready/,
  );
});

test('--reveal adds the value and every IMEI', async () => {
  const run = await tandem(['--json', '--reveal', ...port()]).done;
  assert.equal(run.code, 0, run.stderr);
  const phone = (JSON.parse(run.stdout) as DeviceRow[]).find((r) => r.serial === ready.adbSerial);
  assert.deepEqual(phone?.identity, {
    kind: 'imei',
    masked: `****${IMEI.slice(-4)}`,
    value: IMEI,
    imeis: [IMEI],
  });
});

test('the table shows the phones, the masked identity and the hint', async () => {
  const run = await tandem(port()).done;
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^SERIAL\s+STATE\s+PHONE\s+ANDROID\s+IDENTITY/);
  assert.ok(run.stdout.includes(`imei ****${IMEI.slice(-4)}`));
  assert.ok(run.stdout.includes(`${locked.adbSerial}: Allow USB debugging on your phone`));
  assert.ok(!run.stdout.includes(IMEI));
});

test('the table in Simplified Chinese: headings, states and the hint, no English sentence', async () => {
  const run = await startTandem(['--lang', 'zh-CN', 'devices', ...port()], {
    ...process.env,
    ADB: rig.adb.adbPath,
  }).done;
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^序列号\s+状态\s+手机\s+安卓\s+身份/);
  assert.match(run.stdout, /就绪/);
  assert.ok(run.stdout.includes(`${locked.adbSerial}: 请允许 USB 调试`), run.stdout);
  assert.match(run.stderr, /adb 服务器 127\.0\.0\.1:\d+（--adb-port）/);
  for (const english of ['SERIAL', 'Allow USB debugging', 'unauthorized', 'adb server']) {
    assert.ok(!`${run.stdout}${run.stderr}`.includes(english), `no "${english}"`);
  }
});

test('--watch prints one JSON event per line until SIGINT', async () => {
  const run = tandem(['--watch', ...port()]);
  try {
    await waitFor('a device event from --watch', () => run.output().includes(`"state":"device"`), {
      timeoutMs: 10_000,
      intervalMs: 50,
    });
  } finally {
    run.child.kill('SIGINT');
  }
  const { code, stdout } = await run.done;
  assert.equal(code, 0);
  const events = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { serial?: string });
  assert.ok(events.some((e) => e.serial === ready.adbSerial));
  assert.ok(events.some((e) => e.serial === locked.adbSerial));
});

test('no adb anywhere: the install advice and exit code 2', async () => {
  const home = mkdtempSync(join(tmpdir(), 'tandem-no-adb-'));
  const env = { PATH: join(home, 'bin'), HOME: home };
  const run = await tandem(port(), env).done;
  assert.equal(run.code, 2);
  assert.match(
    run.stderr,
    /^tandem: adb was not found .*sudo apt-get install adb.* \[ADB_NOT_FOUND\]$/m,
  );
});
