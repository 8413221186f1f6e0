// The "Settings" table of docs/operations.md, read for the tests that hold it to the code and to
// the deployment files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));

export interface SettingsRow {
  flag: string;
  env: string;
  defaultValue: string;
}

/** The rows of the "Settings" table: | `--flag <arg>` | `ENV` | default | meaning | */
export function settingsRows(): SettingsRow[] {
  const doc = readFileSync(join(root, 'docs/operations.md'), 'utf8');
  const start = doc.indexOf('### Settings');
  assert.ok(start >= 0, 'docs/operations.md has a Settings section');
  const section = doc.slice(start, doc.indexOf('\n## ', start));
  return [...section.matchAll(/^\| `(--[a-z-]+)[^`]*` +\| `([A-Z0-9_]+)` +\| (.+?) +\|/gm)].map(
    ([, flag, env, defaultValue]) => ({ flag: flag!, env: env!, defaultValue: defaultValue! }),
  );
}
