// A STAND-IN for the packaged Tandem app, for testing scripts/launch-check.ts where no Electron
// binary exists: an executable that takes the same --remote-debugging-port switch, serves a page
// shaped like the desktop UI (#connection, the token in sessionStorage, /api/status behind the
// bearer token) and shows it in the system Chromium, headless, on that debugging port. SIGTERM
// stops it and its Chromium. `ready: false` never reaches the ready line; `exitEarly` quits at once.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from '../agent/browser/find-chromium.js';
import { TEST_CHROMIUM_ARGS } from './chromium.js';

export interface LaunchCheckStandInOptions {
  ready?: boolean;
  exitEarly?: boolean;
}

export interface LaunchCheckStandIn {
  executable: string;
  /** Where the stand-in writes its Chromium's pid once started. */
  pidFile: string;
}

const APP = String.raw`
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { writeFileSync } from 'node:fs';
const [chromiumPath, chromiumArgs, ready, exitEarly, pidFile, profile] = JSON.parse(process.env.STAND_IN);
if (exitEarly) process.exit(9);
const port = /^--remote-debugging-port=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--remote-debugging-port=')) ?? '')?.[1];
const token = 'stand-in-token';
const page = '<!doctype html><p id="connection">Connecting to the Tandem agent…</p><script>' +
  'sessionStorage.setItem("tandem-token", new URLSearchParams(location.search).get("token"));' +
  (ready ? 'setTimeout(() => { connection.textContent = "Ready: plug a phone in to pair."; }, 300);' : '') +
  '</script>';
const server = createServer((req, res) => {
  if (req.url.startsWith('/api/status')) {
    const ok = req.headers.authorization === 'Bearer ' + token;
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { paused: false, devices: [] } : { error: { code: 'UNAUTHORIZED' } }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page);
});
server.listen(0, '127.0.0.1', () => {
  const url = 'http://127.0.0.1:' + server.address().port + '/?token=' + token;
  const browser = spawn(chromiumPath, [...chromiumArgs, '--headless=new', '--user-data-dir=' + profile,
    '--remote-debugging-port=' + port, url], { stdio: 'ignore', detached: true });
  writeFileSync(pidFile, String(browser.pid));
  process.on('SIGTERM', () => {
    try { process.kill(-browser.pid, 'SIGKILL'); } catch {}
    process.exit(0);
  });
});
`;

/** Writes the stand-in app into `dir` (which must exist) and returns its executable. */
export function makeLaunchCheckStandIn(
  dir: string,
  options: LaunchCheckStandInOptions = {},
): LaunchCheckStandIn {
  const app = join(dir, 'stand-in-app.mjs');
  const pidFile = join(dir, 'chromium.pid');
  writeFileSync(app, APP);
  const settings = JSON.stringify([
    findChromium(),
    TEST_CHROMIUM_ARGS,
    options.ready ?? true,
    options.exitEarly ?? false,
    pidFile,
    join(dir, 'profile'),
  ]);
  const executable = join(dir, 'tandem-stand-in');
  writeFileSync(
    executable,
    `#!/bin/sh\n# Tandem app stand-in for the launch check's test: not Electron.\n` +
      `STAND_IN='${settings}' exec "${process.execPath}" "${app}" "$@"\n`,
  );
  chmodSync(executable, 0o755);
  return { executable, pidFile };
}
