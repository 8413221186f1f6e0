// scripts/setup.sh's decisions (it is what installs adb): run with a PATH of stub commands in a
// temp folder, so each machine is faked: macOS without apt-get, Debian with it, an old Node.
// It lives here because the test runner does not look in scripts/.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const temp = mkdtempSync(join(tmpdir(), 'tandem-setup-'));
after(() => rmSync(temp, { recursive: true, force: true }));

/** The real tools the script needs besides the faked ones. */
const TOOLS = ['dirname', 'sed', 'head'];
const which = (tool: string): string =>
  spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout?.trim() ?? '';
// The release workflow runs the unit tests on Windows too, where stub scripts and symlinks fail.
const posixOnly = { skip: process.platform === 'win32' ? 'needs a POSIX shell' : false };

interface Machine {
  uname?: string;
  node?: string | null;
  /** Commands present; each records its call in the log. */
  commands?: string[];
  /** Files under the fake root, made executable (e.g. an app bundle's binary). */
  files?: string[];
  uid?: number;
}

let machines = 0;

function runSetup(machine: Machine) {
  const bash = which('bash');
  const dir = join(temp, `m${++machines}`);
  const bin = join(dir, 'bin');
  const root = join(dir, 'root');
  const log = join(dir, 'calls.log');
  mkdirSync(bin, { recursive: true });
  const stub = (name: string, body: string): void => {
    writeFileSync(join(bin, name), `#!${bash}\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  for (const tool of TOOLS) {
    symlinkSync(which(tool), join(bin, tool));
  }
  stub('uname', `echo ${machine.uname ?? 'Linux'}`);
  stub('id', `echo ${machine.uid ?? 1000}`);
  if (machine.node !== null) stub('node', `echo ${machine.node ?? 'v20.20.2'}`);
  for (const name of ['npm', ...(machine.commands ?? [])]) {
    // sudo runs its command, as the real one would after asking.
    const run = name === 'sudo' ? '\n"$@"' : '';
    stub(name, `echo "${name} $*" >> '${log}'${run}`);
  }
  for (const file of machine.files ?? []) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), '');
    chmodSync(join(root, file), 0o755);
  }
  const result = spawnSync(bash, ['scripts/setup.sh'], {
    encoding: 'utf8',
    env: { PATH: bin, HOME: dir, TANDEM_SETUP_ROOT: root },
  });
  let calls: string[] = [];
  try {
    calls = readFileSync(log, 'utf8').trim().split('\n');
  } catch {
    // Nothing was called.
  }
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, calls };
}

const NPM_CI = 'npm ci --no-audit --no-fund';
const NOTO_CJK = 'usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

test(
  'macOS without apt-get, adb or a browser: says what to install, then npm ci anyway',
  posixOnly,
  () => {
    const run = runSetup({ uname: 'Darwin' });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /warning: adb not found: install Android SDK Platform-Tools/);
    assert.match(run.stderr, /brew install --cask android-platform-tools/);
    assert.match(run.stderr, /warning: neither Chromium nor Google Chrome found/);
    assert.match(run.stdout, /note: PostgreSQL not found: only the shared service/);
    assert.match(run.stdout, /note: redis-server not found/);
    assert.deepEqual(run.calls, [NPM_CI]);
  },
);

test('macOS with Chrome, Chromium or Edge in /Applications, and adb: no warning', posixOnly, () => {
  for (const app of [
    'Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'Applications/Chromium.app/Contents/MacOS/Chromium',
    'Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ]) {
    const run = runSetup({ uname: 'Darwin', commands: ['adb'], files: [app] });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '', app);
    assert.deepEqual(run.calls, [NPM_CI]);
  }
});

test(
  'Linux without apt-get: the same warnings and npm ci; the app bundles do not count',
  posixOnly,
  () => {
    const run = runSetup({
      uname: 'Linux',
      commands: ['adb'],
      files: ['Applications/Chromium.app/Contents/MacOS/Chromium'],
    });
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stderr, /adb not found/);
    assert.match(run.stderr, /neither Chromium nor Google Chrome found/);
    assert.deepEqual(run.calls, [NPM_CI]);
  },
);

test(
  'Debian with apt-get: installs what is missing through sudo, as CI relies on',
  posixOnly,
  () => {
    const run = runSetup({ commands: ['apt-get', 'sudo'] });
    assert.equal(run.code, 0, run.stderr);
    const all = 'adb chromium postgresql redis-server fonts-noto-cjk';
    assert.match(run.stdout, new RegExp(`installing ${all} \\(apt-get\\)`));
    assert.deepEqual(run.calls, [
      'sudo apt-get update -qq',
      'apt-get update -qq',
      `sudo apt-get install -y -qq ${all}`,
      `apt-get install -y -qq ${all}`,
      NPM_CI,
    ]);

    const engines = ['usr/lib/postgresql/15/bin/postgres', NOTO_CJK];
    /** As root: one update, one install of what is missing, then npm ci. */
    const rootInstalls = (missing: string) => [
      'apt-get update -qq',
      `apt-get install -y -qq ${missing}`,
      NPM_CI,
    ];
    const asRoot = runSetup({
      commands: ['apt-get', 'adb', 'redis-server'],
      files: engines,
      uid: 0,
    });
    assert.deepEqual(asRoot.calls, rootInstalls('chromium'));
    const noEngines = runSetup({
      commands: ['apt-get', 'adb'],
      files: ['usr/bin/chromium'],
      uid: 0,
    });
    assert.deepEqual(noEngines.calls, rootInstalls('postgresql redis-server fonts-noto-cjk'));
    const ready = runSetup({
      commands: ['apt-get', 'adb', 'redis-server'],
      files: ['usr/bin/chromium', ...engines],
    });
    assert.deepEqual(ready.calls, [NPM_CI]);
  },
);

test(
  'a Node older than package.json engines, or none: how to get Node 20, and nothing installed',
  posixOnly,
  () => {
    for (const node of ['v18.19.1', 'v20.9.0', null]) {
      const run = runSetup({ node, commands: ['apt-get', 'sudo'] });
      assert.equal(run.code, 1, String(node));
      assert.match(
        run.stderr,
        /needs Node\.js 20\.10 or newer; found (v18\.19\.1|v20\.9\.0|no node)/,
      );
      assert.match(run.stderr, /nvm install 20/);
      assert.match(run.stderr, /nodesource/i);
      assert.deepEqual(run.calls, []);
    }
    for (const node of ['v20.10.0', 'v22.1.0']) {
      assert.equal(runSetup({ node, commands: ['adb'], files: ['usr/bin/chromium'] }).code, 0);
    }
  },
);
