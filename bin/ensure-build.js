// Makes sure dist/ is a build of the sources as they are now: from a checkout, checks the stamp
// (bin/source-stamp.js, a few milliseconds) and runs `npm run build`'s script when it is stale. An
// installed copy without sources just uses its dist/. Several `tandem` processes started at once
// (tests do) build once: the first takes dist.lock, the others wait for it to go.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { distIsCurrent } from './source-stamp.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const lock = fileURLToPath(new URL('../dist.lock', import.meta.url));
/** A lock older than this was left by a build that died: take it over. */
const STALE_LOCK_MS = 120_000;

/** Returns false (after saying so on stderr, code BUILD_FAILED) when a needed build failed. */
export function ensureBuilt() {
  const fromSources = existsSync(fileURLToPath(new URL('../agent/', import.meta.url)));
  if (!fromSources || distIsCurrent(root, dist)) return true;
  while (!takeLock()) {
    sleep(50);
    if (!existsSync(lock) && distIsCurrent(root, dist)) return true;
  }
  try {
    if (distIsCurrent(root, dist)) return true;
    // Build output goes to stderr: stdout belongs to the command (--json). Old chunks stay: a
    // running agent may still load one of them on demand.
    const built = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/build.ts', '--keep-old-chunks'],
      { cwd: root, stdio: ['ignore', 2, 2] },
    );
    if (built.status === 0) return true;
    process.stderr.write('tandem: the build failed (npm run build shows why) [BUILD_FAILED]\n');
    return false;
  } finally {
    rmSync(lock, { force: true });
  }
}

function takeLock() {
  try {
    closeSync(openSync(lock, 'wx'));
    return true;
  } catch {
    try {
      if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { force: true });
    } catch {
      // gone meanwhile: the next try takes it
    }
    return false;
  }
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
