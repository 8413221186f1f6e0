// scripts/launch-check.ts, which the release runners point at the real packaged app, run here
// against a stand-in app (testing/launch-check-stand-in.ts): it passes when the window reaches its
// ready line and /api/status answers with the window's token, fails when the window never gets
// ready or the app exits, and always stops the app it started.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  makeLaunchCheckStandIn,
  type LaunchCheckStandInOptions,
} from '../testing/launch-check-stand-in.js';
import { waitFor } from '../testing/wait.js';

const run = promisify(execFile);
const script = fileURLToPath(new URL('./launch-check.ts', import.meta.url));
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tandem-launch-check-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function launchCheck(options: LaunchCheckStandInOptions, timeoutMs: number) {
  const app = makeLaunchCheckStandIn(dir, options);
  const args = ['--import', 'tsx', script, '--app', app.executable, '--timeout-ms', `${timeoutMs}`];
  const outcome = await run(process.execPath, args).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error: { code?: number; stdout: string; stderr: string }) => ({
      code: error.code ?? -1,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
  return { ...outcome, pidFile: app.pidFile };
}

async function chromiumStopped(pidFile: string): Promise<void> {
  const pid = Number(readFileSync(pidFile, 'utf8'));
  await waitFor('the stand-in Chromium to stop', () => !isRunning(pid), 15_000);
}

test('passes on an app whose window gets ready and whose /api/status answers', async () => {
  const result = await launchCheck({ ready: true }, 90_000);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /the window says "Ready: plug a phone in to pair\."/);
  assert.match(result.stdout, /\/api\/status answered 200/);
  assert.match(result.stdout, /launch check: passed/);
  await chromiumStopped(result.pidFile);
});

test('fails when the window never reaches its ready state', async () => {
  const result = await launchCheck({ ready: false }, 20_000);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /timed out waiting for the ready state/);
  await chromiumStopped(result.pidFile);
});

test('fails when the app exits at start', async () => {
  const result = await launchCheck({ exitEarly: true }, 30_000);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /the app exited early \(9\)/);
});
