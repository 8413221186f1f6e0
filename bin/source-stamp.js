// Whether dist/ was built from the sources as they are now. The stamp is the newest mtime among the
// sources, their folders (a deleted or renamed file changes its folder), package.json and the
// lockfile, plus how many there are: a stat per file, a few milliseconds on every `tandem` start.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the build is made from, relative to the repository root: the product rooms of rooms.json. */
export const SOURCE_DIRS = Object.entries(
  /** @type {{ rooms: Record<string, { kind: string }> }} */ (
    JSON.parse(readFileSync(new URL('../rooms.json', import.meta.url), 'utf8'))
  ).rooms,
)
  .filter(([, room]) => room.kind === 'product')
  .map(([name]) => name);
export const SOURCE_FILES = [
  'package.json',
  'package-lock.json',
  'rooms.json',
  'tsconfig.json',
  'scripts/build.ts',
];
export const STAMP_FILE = 'build-stamp.json';
const TESTS = /\.(test|itest|robust)\.ts$/;

/**
 * @param {string} root the repository root
 * @returns {{ newestMtimeMs: number, count: number }}
 */
export function sourceStamp(root) {
  let newestMtimeMs = 0;
  let count = 0;
  /** @param {string} path */
  const see = (path) => {
    const mtimeMs = statSync(path).mtimeMs;
    if (mtimeMs > newestMtimeMs) newestMtimeMs = mtimeMs;
    count += 1;
  };
  /** @param {string} dir */
  const walk = (dir) => {
    see(dir);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'fixtures') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!TESTS.test(entry.name)) see(path);
    }
  };
  for (const dir of SOURCE_DIRS) walk(join(root, dir));
  for (const file of SOURCE_FILES) see(join(root, file));
  return { newestMtimeMs, count };
}

/**
 * True when dist/ holds a build of the sources as they are now.
 * @param {string} root the repository root
 * @param {string} dist the build folder
 */
export function distIsCurrent(root, dist) {
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(dist, STAMP_FILE), 'utf8'));
  } catch {
    return false;
  }
  const now = sourceStamp(root);
  return stamp.newestMtimeMs === now.newestMtimeMs && stamp.count === now.count;
}
