// `tandem agent` in a terminal, as `npm start` runs it without Electron: a real child process
// without --json, a private adb server and a simulated phone. A person reads one human line per
// state, the session page's URL, where the PC browser is — and never the phone's IMEI.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { useAgentRig } from '../../../testing/agent-rig.js';
import { tandemBin } from '../../../testing/tandem-cli.js';
import { waitFor } from '../../../testing/wait.js';

let agent: ChildProcess;
let stdout = '';
let stderr = '';
const rig = useAgentRig('tandem-agent-cli-', '35693803564411', {
  setUp(started) {
    const env = { ...process.env };
    delete env.TANDEM_LOG_LEVEL; // the default a person gets
    // A display would make the PC browser a window by default: --headless must keep it headless.
    env.DISPLAY = ':987';
    const adbPort = String(started.adb.port);
    agent = spawn(
      process.execPath,
      [tandemBin, 'agent', '--headless', '--no-usb', '--data', dataDir, '--adb-port', adbPort],
      { stdio: ['ignore', 'pipe', 'pipe'], env },
    );
    agent.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    agent.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  },
});
const { imei, dataDir } = rig;

rig.onStop(async () => {
  if (agent && agent.exitCode === null) {
    await new Promise<void>((resolve) => {
      agent.once('exit', () => resolve());
      agent.kill('SIGTERM');
    });
  }
});

/** Waits for the agent's output to show `what`; fails at once if the agent exits. */
const until = (what: string, check: () => boolean) =>
  waitFor(what, check, {
    timeoutMs: 30_000,
    intervalMs: 50,
    detail: () => `
${stdout}
${stderr}`,
    giveUpIf: () => (agent.exitCode !== null ? 'the agent exited' : undefined),
  });

const stateLines = () =>
  stdout
    .split('\n')
    .filter((line) => line.startsWith(`${rig.sim.adbSerial} `) && line.includes(' — '));

test('the terminal says where everything is, and that a QR code needs --server-host 0.0.0.0', async () => {
  await until('the agent started', () => stdout.includes('Plug an Android phone in'));
  await until('the link-session hint', () => /No cable\?/.test(stdout));
  assert.match(stdout, /^Tandem agent running\. Pairing server: http:\/\/127\.0\.0\.1:\d+$/m);
  assert.match(stdout, /^Open the Tandem UI: http:\/\/127\.0\.0\.1:\d+\/\?token=\w+$/m);
  assert.ok(
    stdout.includes(
      `The PC browser the phones mirror runs headless (no window): show a page with \`tandem open <url> --data ${dataDir}\`.`,
    ),
    stdout,
  );
  assert.match(stdout, /No cable\? For a QR code .* start with --server-host 0\.0\.0\.0\./);
  assert.doesNotMatch(stdout, /[█▀▄]/, 'no QR code for a loopback server nobody else can reach');
});

test('plugging a phone in prints each state once, in words, and the session page URL', async () => {
  await rig.connectPhone();
  await until('connected', () => stateLines().some((line) => /: Connected — /.test(line)));
  await until('the session URL line', () => stdout.includes('session page on the phone:'));
  const states = stateLines().map((line) => /: ([^—]+?) — /.exec(line)?.[1]);
  assert.deepEqual(states.slice(0, 1), ['Plugged in']);
  assert.equal(states.at(-1), 'Connected');
  // A normal plug is no error: no code on any line (adb's brief `offline` is not DEVICE_OFFLINE).
  assert.doesNotMatch(stdout, /DEVICE_OFFLINE|\(code: /);
  assert.equal(new Set(states).size, states.length, `each state once:\n${stdout}`);
  // Once identified, a phone is named by model and masked identity.
  assert.match(stateLines().at(-1) ?? '', / \S+ \*\*\*\*\d{4}: Connected — \S/);
  const urls = stdout.match(/^ {2}session page on the phone: (.+)$/gm) ?? [];
  assert.equal(urls.length, 1);
  assert.match(urls[0] ?? '', /http:\/\/localhost:\d+\/s\/[\w-]+\?k=[\w-]+#[\w-]+$/);
  // The log keeps to warnings in a terminal: no JSON line repeats the states.
  for (const line of stderr.split('\n').filter(Boolean)) {
    const level = (JSON.parse(line) as { level?: number }).level ?? 0;
    assert.ok(level >= 40, `only warnings and errors on stderr, got: ${line}`);
  }
});

test('the IMEI is in no output and no file of the data folder', async () => {
  agent.kill('SIGTERM');
  await new Promise<void>((resolve) => agent.once('exit', () => resolve()));
  assert.equal(agent.exitCode, 0, stderr);
  // Stopping is not unplugging: no "Unplugged" line for the phone, and the agent says it stopped.
  assert.doesNotMatch(stdout, /: Unplugged — /);
  assert.match(stdout, /^Tandem agent stopped\.$/m);
  assert.ok(!stdout.includes(imei), 'stdout');
  assert.ok(!stderr.includes(imei), 'stderr');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      const stat = lstatSync(path);
      return stat.isDirectory() ? files(path) : stat.isFile() ? [path] : [];
    });
  for (const file of files(dataDir)) {
    assert.ok(!readFileSync(file).includes(imei), `${file} holds the raw IMEI`);
  }
});
