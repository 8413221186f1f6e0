// bin/ensure-build.js, as `tandem` runs it on every start from a checkout, in real processes on a
// temp checkout with a stand-in build script: it builds only when stale, once for several starts at
// once, keeps the command's stdout and stderr clean, and says BUILD_FAILED with the build's own
// output when the build fails.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SOURCE_DIRS, SOURCE_FILES, STAMP_FILE } from './source-stamp.js';

const ensureBuild = fileURLToPath(new URL('./ensure-build.js', import.meta.url));
const sourceStamp = fileURLToPath(new URL('./source-stamp.js', import.meta.url));
let root: string;

/** A checkout with every source folder and file, and no dist/ yet. */
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tandem-ensure-build-'));
  for (const dir of [...SOURCE_DIRS, 'scripts']) mkdirSync(join(root, dir), { recursive: true });
  for (const file of SOURCE_FILES) writeFileSync(join(root, file), 'x');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A stand-in build: noisy on both streams, counts its runs, writes the stamp (or fails). */
function writeFakeBuild(fails = false): string {
  const script = join(root, 'fake-build.mjs');
  writeFileSync(
    script,
    `import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { sourceStamp } from ${JSON.stringify(sourceStamp)};
appendFileSync('runs.txt', 'run\\n');
console.log('build noise on stdout');
console.error('build noise on stderr');
${
  fails
    ? "console.error('boom: the source does not compile'); process.exit(1);"
    : `mkdirSync('dist', { recursive: true });
writeFileSync('dist/${STAMP_FILE}', JSON.stringify(sourceStamp('.')));`
}
`,
  );
  return script;
}

/** One `tandem` start's check, in its own process: exit 0 when built, 5 when not. */
function start(script: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const code = `import { ensureBuilt } from ${JSON.stringify(ensureBuild)};
process.exitCode = ensureBuilt({ root: ${JSON.stringify(root)}, buildArgs: [${JSON.stringify(script)}] }) ? 0 : 5;`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', code],
      { cwd: root },
      (error, stdout, stderr) => {
        resolve({ code: (error as { code?: number } | null)?.code ?? 0, stdout, stderr });
      },
    );
  });
}

const runs = () =>
  existsSync(join(root, 'runs.txt'))
    ? readFileSync(join(root, 'runs.txt'), 'utf8').split('\n').length - 1
    : 0;

test('a stale build is rebuilt without a word on stdout or stderr; a current one is not', async () => {
  const script = writeFakeBuild();
  assert.deepEqual(await start(script), { code: 0, stdout: '', stderr: '' });
  assert.equal(runs(), 1);
  assert.deepEqual(await start(script), { code: 0, stdout: '', stderr: '' });
  assert.equal(runs(), 1, 'current: no second build');
});

test('several starts at once build once', async () => {
  const script = writeFakeBuild();
  const results = await Promise.all([start(script), start(script), start(script)]);
  assert.deepEqual(
    results.map((r) => r.code),
    [0, 0, 0],
  );
  assert.equal(runs(), 1);
  assert.equal(existsSync(join(root, 'dist.lock')), false, 'the lock is gone');
});

test('a failed build says BUILD_FAILED after the build output, and the start fails', async () => {
  const result = await start(writeFakeBuild(true));
  assert.equal(result.code, 5);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, /boom: the source does not compile[\s\S]*\[BUILD_FAILED\]\n$/);
  assert.equal(existsSync(join(root, 'dist.lock')), false, 'the lock is gone');
});
