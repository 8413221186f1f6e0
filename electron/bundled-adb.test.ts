import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BUNDLED_ADB_FOLDER, bundledAdbDir } from './bundled-adb.js';

test('a packaged app looks for adb in its resources/platform-tools', () => {
  assert.equal(
    bundledAdbDir(true, '/opt/Tandem/resources'),
    join('/opt/Tandem/resources', 'platform-tools'),
  );
});

test('run from source there is no bundled adb', () => {
  assert.equal(bundledAdbDir(false, '/usr/lib/electron/resources'), undefined);
});

test('the folder is the one electron-builder.yml copies platform-tools to', () => {
  const config = readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8');
  assert.match(config, new RegExp(`\\n\\s+to: ${BUNDLED_ADB_FOLDER}\\n`));
});
