// The release workflow's promises, checked as text (it runs only on GitHub's runners).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const workflow = readFileSync(new URL('../.github/workflows/release.yml', import.meta.url), 'utf8');

test('one runner per OS and architecture', () => {
  for (const target of [
    '--mac --arm64',
    '--mac --x64',
    '--win --x64',
    '--win --arm64',
    '--linux --x64',
  ])
    assert.ok(workflow.includes(`target: ${target}\n`), target);
});

test('the upload lists one pattern per line, never a brace', () => {
  const patterns = [...workflow.matchAll(/^\s+(dist\/installers\/\S+)$/gm)].map((m) => m[1] ?? '');
  assert.ok(patterns.length >= 10);
  for (const pattern of patterns) assert.doesNotMatch(pattern, /[{},]/, pattern);
  assert.match(workflow, /if-no-files-found: error/);
});

test('electron-builder comes from the lockfile, not an ad hoc download', () => {
  assert.match(workflow, /npm ci/);
  assert.doesNotMatch(workflow, /npx (--yes )?electron-builder@/);
});

test('adb is fetched, the packaged app is launch-checked, signing follows the secrets', () => {
  assert.match(workflow, /scripts\/fetch-platform-tools\.ts/);
  assert.match(workflow, /scripts\/launch-check\.ts/);
  assert.match(workflow, /-c\.mac\.identity=-/);
  assert.match(workflow, /signing: skipped/);
  assert.match(workflow, /notarization: skipped/);
});
