// Makes sure dist/ is a build of the sources as they are now: from a checkout, checks the stamp
// (bin/source-stamp.js, a few milliseconds) and runs `npm run build`'s script when it is stale. An
// installed copy without sources just uses its dist/.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { distIsCurrent } from './source-stamp.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** Returns false (after saying so on stderr, code BUILD_FAILED) when a needed build failed. */
export function ensureBuilt() {
  const fromSources = existsSync(fileURLToPath(new URL('../agent/', import.meta.url)));
  if (!fromSources || distIsCurrent(root, dist)) return true;
  // Build output goes to stderr: stdout belongs to the command (--json).
  const built = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (built.status === 0) return true;
  process.stderr.write('tandem: the build failed (npm run build shows why) [BUILD_FAILED]\n');
  return false;
}
