// bin/source-stamp.js decides on every `tandem` start whether dist/ must be rebuilt: it must see an
// edited, an added and a removed source, and ignore tests.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import {
  distIsCurrent,
  SOURCE_DIRS,
  SOURCE_FILES,
  sourceStamp,
  STAMP_FILE,
} from './source-stamp.js';

let root: string;
const dist = () => join(root, 'dist');
const past = new Date(Date.now() - 60_000);

/** A checkout whose every file and folder is a minute old, built just now. */
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tandem-stamp-'));
  for (const dir of SOURCE_DIRS) mkdirSync(join(root, dir), { recursive: true });
  mkdirSync(join(root, 'scripts'), { recursive: true });
  for (const file of [...SOURCE_FILES, 'agent/a.ts', 'agent/a.test.ts']) {
    writeFileSync(join(root, file), 'x');
    utimesSync(join(root, file), past, past);
  }
  for (const dir of SOURCE_DIRS) utimesSync(join(root, dir), past, past);
  mkdirSync(dist());
  writeFileSync(join(dist(), STAMP_FILE), JSON.stringify(sourceStamp(root)));
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

test('a build of the sources as they are is current', () => {
  assert.equal(distIsCurrent(root, dist()), true);
});

test('no stamp: not current', () => {
  rmSync(join(dist(), STAMP_FILE));
  assert.equal(distIsCurrent(root, dist()), false);
});

test('an edited source, the lockfile or package.json makes dist stale', () => {
  for (const [i, file] of ['agent/a.ts', 'package-lock.json', 'package.json'].entries()) {
    writeFileSync(join(dist(), STAMP_FILE), JSON.stringify(sourceStamp(root)));
    const later = new Date(Date.now() + (i + 1) * 1000);
    utimesSync(join(root, file), later, later);
    assert.equal(distIsCurrent(root, dist()), false, file);
  }
});

test('an added or a removed source makes dist stale, even with old mtimes', () => {
  writeFileSync(join(root, 'server/b.ts'), 'x');
  utimesSync(join(root, 'server/b.ts'), past, past);
  utimesSync(join(root, 'server'), past, past);
  assert.equal(distIsCurrent(root, dist()), false, 'added');
  writeFileSync(join(dist(), STAMP_FILE), JSON.stringify(sourceStamp(root)));
  rmSync(join(root, 'server/b.ts'));
  utimesSync(join(root, 'server'), past, past);
  assert.equal(distIsCurrent(root, dist()), false, 'removed');
});

test('editing a test does not make dist stale', () => {
  utimesSync(join(root, 'agent/a.test.ts'), new Date(), new Date());
  assert.equal(distIsCurrent(root, dist()), true);
});
