import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  platformToolsFiles,
  platformToolsUrl,
  platformToolsVersion,
} from './fetch-platform-tools.js';

test("each OS gets Google's own Platform-Tools zip", () => {
  assert.equal(
    platformToolsUrl('win32'),
    'https://dl.google.com/android/repository/platform-tools-latest-windows.zip',
  );
  assert.match(platformToolsUrl('darwin'), /platform-tools-latest-darwin\.zip$/);
  assert.match(platformToolsUrl('linux'), /platform-tools-latest-linux\.zip$/);
  assert.throws(() => platformToolsUrl('aix'), /no Platform-Tools for aix/);
});

test('adb travels with its licences, and on Windows with the DLLs it loads', () => {
  assert.deepEqual(platformToolsFiles('win32'), [
    'adb.exe',
    'AdbWinApi.dll',
    'AdbWinUsbApi.dll',
    'NOTICE.txt',
    'source.properties',
  ]);
  assert.deepEqual(platformToolsFiles('darwin'), ['adb', 'NOTICE.txt', 'source.properties']);
  assert.deepEqual(platformToolsFiles('linux'), ['adb', 'NOTICE.txt', 'source.properties']);
});

test('the version is read from source.properties', () => {
  assert.equal(platformToolsVersion('Pkg.UserSrc=false\nPkg.Revision=35.0.2\n'), '35.0.2');
  assert.equal(platformToolsVersion('nothing here'), undefined);
});
