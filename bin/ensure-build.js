// Makes sure dist/ is a build of the sources as they are now: from a checkout, checks the stamp
// (bin/source-stamp.js, a few milliseconds) and runs `npm run build`'s script when it is stale. An
// installed copy without sources just uses its dist/. Several `tandem` processes started at once
// (tests do) build once: the first takes dist.lock, the others wait for it to go. The build says
// nothing on the command's stdout or stderr (scripts read both) unless it fails.
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsCurrent } from './source-stamp.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
// Old chunks stay: a running agent may still load one of them on demand.
const BUILD_ARGS = ['--import', 'tsx', 'scripts/build.ts', '--keep-old-chunks'];
/** A lock older than this was left by a build that died: take it over. */
const STALE_LOCK_MS = 120_000;

/**
 * Returns false (after saying so on stderr, code BUILD_FAILED) when a needed build failed.
 * @param {{ root?: string, buildArgs?: string[] }} [options] the checkout, and the node arguments
 *   that build it there (tests use others)
 */
export function ensureBuilt({ root = REPO, buildArgs = BUILD_ARGS } = {}) {
  const dist = join(root, 'dist');
  const lock = join(root, 'dist.lock');
  if (!existsSync(join(root, 'agent')) || distIsCurrent(root, dist)) return true;
  while (!takeLock(lock)) {
    sleep(50);
    if (!existsSync(lock) && distIsCurrent(root, dist)) return true;
  }
  try {
    if (distIsCurrent(root, dist)) return true;
    const built = spawnSync(process.execPath, buildArgs, { cwd: root, encoding: 'utf8' });
    if (built.status === 0) return true;
    process.stderr.write(`${built.stdout ?? ''}${built.stderr ?? ''}${built.error ?? ''}`);
    process.stderr.write('tandem: the build failed (npm run build shows why) [BUILD_FAILED]\n');
    return false;
  } finally {
    rmSync(lock, { force: true });
  }
}

/** @param {string} lock */
function takeLock(lock) {
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

/** @param {number} ms */
function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
