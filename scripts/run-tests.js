// Runs the node:test files of one kind. Unit tests: `*.test.ts`; integration tests (real adb,
// real sockets, real Chromium): `*.itest.ts`; robustness (fuzzers and fault injection, each
// bounded in time): `*.robust.ts`. Node 20's --test does not expand globs itself.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const kind = process.argv[2] ?? 'unit';
const suffixes = { unit: '.test.ts', integration: '.itest.ts', robustness: '.robust.ts' };
const suffix = suffixes[/** @type {keyof typeof suffixes} */ (kind)];
if (suffix === undefined) {
  console.error(`unknown test kind ${kind}: expected one of ${Object.keys(suffixes).join(', ')}`);
  process.exit(1);
}
// Every room of rooms.json, the one list.
const roots = Object.keys(JSON.parse(readFileSync('rooms.json', 'utf8')).rooms);
const skip = new Set(['node_modules', 'dist', 'fixtures']);

/** @param {string} dir @returns {string[]} */
function find(dir) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (skip.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return find(path);
    return path.endsWith(suffix) ? [relative(process.cwd(), path)] : [];
  });
}

const only = process.argv.slice(3);
const files = roots
  .flatMap(find)
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error(`no ${kind} test files found`);
  process.exit(1);
}
const concurrency = kind === 'unit' ? '4' : '2';
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${concurrency}`,
    // A failed assertion that leaves a socket open must fail the run, not hang it.
    `--test-timeout=${kind === 'unit' ? 30_000 : 180_000}`,
    '--test-force-exit',
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
