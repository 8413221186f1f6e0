// What the installer carries is enough: `npm run build`, then `electron-builder --dir --linux` with a
// stand-in Electron (no binary here; testing/packaged-app.ts), then the app.asar it made is
// checked (native addons unpacked, no TypeScript, no devDependency, the fuses flipped) and extracted,
// and the extracted app's own agent entry runs the whole walk under plain Node with the compilers
// unreachable: simulated phone, real adb, the phone's browser through adb reverse, the mirror live.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { COMPILERS, writeCompilerGuard } from '../testing/built-app.js';
import { runWalkOnBuiltAgent } from '../testing/built-walk.js';
import {
  asarEntries,
  extractPackagedApp,
  packageAppDir,
  readFuseWire,
  STAND_IN_MARK,
  type PackagedApp,
} from '../testing/packaged-app.js';

const run = promisify(execFile);
const packageJson = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { devDependencies: Record<string, string>; dependencies: Record<string, string> };
let packaged: PackagedApp;
let entries: string[];
let extracted: string;
let tandemArgs: string[];

before(async () => {
  packaged = await packageAppDir();
  entries = asarEntries(packaged.asar);
  extracted = extractPackagedApp(packaged.asar, join(packaged.root, 'extracted'));
  tandemArgs = ['--import', writeCompilerGuard(extracted), join(extracted, 'dist/tandem.js')];
});

after(() => {
  if (packaged) rmSync(packaged.root, { recursive: true, force: true });
});

/** The package names found anywhere under a node_modules folder of the asar. */
function packagesInAsar(): Set<string> {
  const names = new Set<string>();
  for (const entry of entries) {
    const match = /\/node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(entry);
    if (match?.[1] && !match[1].startsWith('.')) names.add(match[1]);
  }
  return names;
}

test('the asar holds the build, package.json and node_modules only', () => {
  const top = new Set(entries.map((entry) => entry.split('/')[1]));
  assert.deepEqual([...top].sort(), ['dist', 'node_modules', 'package.json']);
  for (const file of [
    '/dist/tandem.js',
    '/dist/electron-main.js',
    '/dist/electron/tab-preload.cjs',
  ])
    assert.ok(entries.includes(file), file);
  assert.ok(!entries.some((entry) => entry.startsWith('/dist/installers')));
});

test('the asar holds no TypeScript file', () => {
  assert.deepEqual(
    entries.filter((entry) => /\.(ts|tsx|mts|cts)$/.test(entry)),
    [],
  );
});

test('the asar holds no devDependency and no compiler, and every dependency', () => {
  const packages = packagesInAsar();
  const present = Object.keys(packageJson.devDependencies).filter((name) => packages.has(name));
  assert.deepEqual(present, [], `devDependencies in app.asar: ${present.join(', ')}`);
  assert.deepEqual(
    [...packages].filter((name) => COMPILERS.some((c) => name === c || name.startsWith(`${c}/`))),
    [],
  );
  for (const name of Object.keys(packageJson.dependencies)) assert.ok(packages.has(name), name);
});

test("better-sqlite3's native addon is unpacked beside the asar", () => {
  const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
  assert.ok(existsSync(join(`${packaged.asar}.unpacked`, addon)), `${addon} not unpacked`);
  assert.ok(existsSync(join(extracted, addon)), 'the extracted app has it too');
});

test('electron-builder renamed the stand-in and flipped the configured fuses in it', () => {
  assert.match(readFileSync(packaged.executable, 'latin1'), new RegExp(STAND_IN_MARK));
  // RunAsNode off, cookie encryption on, NODE_OPTIONS off, --inspect off, asar integrity on,
  // only load app from asar on, V8 snapshot as Electron ships it, file:// extra privileges off.
  assert.equal(readFuseWire(packaged.executable), '01001100');
});

test("the extracted app's CLI runs under plain Node without the compilers", async () => {
  const { stdout } = await run(process.execPath, [...tandemArgs, '--help'], { cwd: extracted });
  assert.match(stdout, /^Usage: tandem/);
  for (const name of ['esbuild', 'tsx', 'typescript']) {
    const script = `import(${JSON.stringify(name)}).then(() => process.exit(0), () => process.exit(3))`;
    await assert.rejects(
      run(process.execPath, [...tandemArgs.slice(0, 2), '-e', script], { cwd: extracted }),
      (error: { code?: number }) => error.code === 3,
      `${name} must not be loadable`,
    );
  }
});

test("the walk on the extracted app's agent: plug in, the session page opens, the mirror is live", async () => {
  await runWalkOnBuiltAgent({
    cwd: extracted,
    tandemArgs,
    dataDir: join(packaged.root, 'agent-data'),
  });
});
