// Fault injection on the agent's data folder: agent.sqlite damaged in four ways (random bytes in
// the middle, zero length, truncated to half, header overwritten) and a read-only data folder.
// Each must give a clear coded error (DATABASE_CORRUPT / DATABASE_READ_ONLY) with no request to
// the pairing server, never the raw IMEI in any output, and `tandem doctor --repair` must bring a
// damaged folder back to an agent that starts and pairs. Real parts: `tandem` child processes, a
// real pairing server over HTTP, a private adb server, simulated phones, real SQLite files.
// The read-only folder is a read-only bind mount (tests run as root, where chmod stops nothing).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { luhnComplete, startPhoneSim, type PhoneSim } from '../../phone-sim/index.js';
import { startPrivateAdbServer, type PrivateAdbServer } from '../../testing/adb-server.js';
import { startAgentProcess } from '../../testing/agent-process.js';
import { connectSim } from '../../testing/connect-sim.js';
import { startServer, type RunningServer } from '../../server/listen.js';

const tandem = fileURLToPath(new URL('../../bin/tandem.js', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'tandem-damaged-db-'));
const template = join(root, 'template');
const oldImei = luhnComplete('35693803561001');
let server: RunningServer;
let adb: PrivateAdbServer;
let oldPhone: PhoneSim;
const outputs: string[] = [];

function requests(): number {
  return Object.values(server.app.stats.snapshot()).reduce((sum, n) => sum + n, 0);
}

/** `tandem …` to its end: exit code and everything it printed. */
function runTandem(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tandem, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    // An agent that starts on a damaged store would run forever: 20 s is far past a refusal.
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      outputs.push(output);
      resolve({ code, output });
    });
  });
}

const agentArgs = (dataDir: string) => [
  'agent',
  '--headless',
  '--no-usb',
  '--json',
  '--browser',
  'off',
  '--data',
  dataDir,
  '--adb-port',
  String(adb.port),
  '--server',
  server.url,
];

/** Starts the agent on the folder, waits for `serial` to reach `connected`, stops the agent. */
async function pairsAgain(dataDir: string, serial: string): Promise<string> {
  const agent = await startAgentProcess({ dataDir, adbPort: adb.port, serverUrl: server.url });
  try {
    const status = await agent.waitFor(serial, ['connected', 'failed', 'bound-elsewhere'], 20_000);
    assert.equal(status.state, 'connected', JSON.stringify(status));
    return status.decidedBy ?? '';
  } finally {
    await agent.stop();
    outputs.push(agent.output());
  }
}

before(async () => {
  server = await startServer({ dataDir: join(root, 'server'), port: 0, exposeStats: true });
  adb = await startPrivateAdbServer();
  // The template: an agent folder that paired a phone for real (history row, server account).
  oldPhone = await startPhoneSim({ profile: 'android-14', imei: oldImei });
  await connectSim(adb, oldPhone);
  await pairsAgain(template, oldPhone.adbSerial);
  await adb.adb(['disconnect', oldPhone.adbSerial]);
});

after(async () => {
  await oldPhone?.close();
  await adb?.stop();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
  for (const output of outputs) assert.ok(!output.includes(oldImei), 'no raw IMEI in any output');
});

function overwrite(file: string, at: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, at);
  closeSync(fd);
}

const fixedSeed = 20261204;
const randomSeed = Number(process.env.TANDEM_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(
  `# damage seeds: fixed ${fixedSeed}, random ${randomSeed} (TANDEM_FUZZ_SEED=N repeats it)`,
);
/** A small deterministic generator (mulberry32), so a printed seed repeats the same bytes. */
function seededBytes(n: number, s: number): Buffer {
  const out = Buffer.alloc(n);
  let a = s >>> 0;
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

const damages: [string, (file: string, size: number) => void][] = [
  ...[fixedSeed, randomSeed].map((seed): [string, (file: string, size: number) => void] => [
    `random bytes in the middle (seed ${seed})`,
    (f, size) => overwrite(f, Math.floor(size / 2), seededBytes(4096, seed)),
  ]),
  ['a zero-length file', (f) => truncateSync(f, 0)],
  ['the file truncated to half', (f, size) => truncateSync(f, Math.floor(size / 2))],
  ['the header overwritten (SQLITE_NOTADB)', (f) => overwrite(f, 0, Buffer.alloc(100, 0x41))],
];

describe('the agent on a damaged database', () => {
  let n = 0;
  for (const [how, damage] of damages) {
    it(`${how}: DATABASE_CORRUPT, no server request; doctor --repair, then it pairs`, async () => {
      n += 1;
      const dataDir = join(root, `case-${n}`);
      cpSync(template, dataDir, { recursive: true });
      const file = join(dataDir, 'agent.sqlite');
      damage(file, statSync(file).size);

      const before = requests();
      const started = await runTandem(agentArgs(dataDir));
      assert.equal(started.code, 1, started.output);
      assert.match(started.output, /\[DATABASE_CORRUPT\]/);
      assert.match(started.output, /tandem doctor --repair/);
      assert.equal(requests(), before, 'the pairing server received no request');

      const doctor = await runTandem(['doctor', '--data', dataDir]);
      assert.equal(doctor.code, 1);
      assert.match(doctor.output, /database +PROBLEM \[DATABASE_CORRUPT\]/);

      const repair = await runTandem([
        'doctor',
        '--repair',
        '--data',
        dataDir,
        '--server',
        server.url,
      ]);
      assert.equal(repair.code, 0, repair.output);
      assert.match(repair.output, /agent\.sqlite\.corrupt-/);
      assert.match(repair.output, /paired with another computer/);

      const phone = await startPhoneSim({
        profile: 'android-14',
        imei: luhnComplete(`3569380356200${n}`),
      });
      try {
        await connectSim(adb, phone);
        assert.equal(await pairsAgain(dataDir, phone.adbSerial), 'server');
      } finally {
        await adb.adb(['disconnect', phone.adbSerial]).catch(() => '');
        await phone.close();
      }
    });
  }
});

describe('the agent on a read-only data folder', () => {
  it('DATABASE_READ_ONLY, nothing lost: writable again, the old phone is a history hit', async (t) => {
    const dataDir = join(root, 'read-only');
    cpSync(template, dataDir, { recursive: true });
    const file = join(dataDir, 'agent.sqlite');
    const content = readFileSync(file);
    try {
      execFileSync('mount', ['--bind', dataDir, dataDir], { stdio: 'ignore' });
    } catch {
      return t.skip('no bind mount here (needs root and CAP_SYS_ADMIN)');
    }
    try {
      execFileSync('mount', ['-o', 'remount,bind,ro', dataDir], { stdio: 'ignore' });
      const before = requests();
      const started = await runTandem(agentArgs(dataDir));
      assert.equal(started.code, 1, started.output);
      assert.match(started.output, /\[DATABASE_READ_ONLY\]/);
      assert.equal(requests(), before, 'the pairing server received no request');
      const doctor = await runTandem(['doctor', '--data', dataDir]);
      assert.match(doctor.output, /data folder +PROBLEM \[DATABASE_READ_ONLY\]/);
    } finally {
      execFileSync('umount', [dataDir], { stdio: 'ignore' });
    }
    assert.deepEqual(readFileSync(file), content, 'the database is unchanged');
    await connectSim(adb, oldPhone);
    try {
      assert.equal(await pairsAgain(dataDir, oldPhone.adbSerial), 'history');
    } finally {
      await adb.adb(['disconnect', oldPhone.adbSerial]).catch(() => '');
    }
  });
});
