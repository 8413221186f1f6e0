import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LINUX_EXECUTABLE, packagedExecutable, PRODUCT_NAME } from './packaged-executable.js';

const out = join('dist', 'installers');

test('each OS and architecture has its unpacked app where electron-builder puts it', () => {
  assert.equal(
    packagedExecutable(out, 'darwin', 'arm64'),
    join(out, 'mac-arm64', 'Tandem.app', 'Contents', 'MacOS', 'Tandem'),
  );
  assert.equal(
    packagedExecutable(out, 'darwin', 'x64'),
    join(out, 'mac', 'Tandem.app', 'Contents', 'MacOS', 'Tandem'),
  );
  assert.equal(packagedExecutable(out, 'win32', 'x64'), join(out, 'win-unpacked', 'Tandem.exe'));
  assert.equal(
    packagedExecutable(out, 'win32', 'arm64'),
    join(out, 'win-arm64-unpacked', 'Tandem.exe'),
  );
  assert.equal(packagedExecutable(out, 'linux', 'x64'), join(out, 'linux-unpacked', 'tandem'));
  assert.throws(() => packagedExecutable(out, 'freebsd', 'x64'), /no installer/);
});

test('the names are those electron-builder.yml gives', () => {
  const config = readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8');
  assert.match(config, new RegExp(`^productName: ${PRODUCT_NAME}$`, 'm'));
  assert.match(config, new RegExp(`^executableName: ${LINUX_EXECUTABLE}$`, 'm'));
});
