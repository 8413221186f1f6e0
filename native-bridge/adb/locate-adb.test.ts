import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateAdb } from './locate-adb.js';
import { isBridgeError } from '../errors.js';

const only =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path);

test('ADB wins over PATH', () => {
  const found = locateAdb({
    env: { ADB: '/opt/custom/adb', PATH: '/usr/bin' },
    platform: 'linux',
    homeDir: '/home/p',
    isExecutable: only('/opt/custom/adb', '/usr/bin/adb'),
  });
  assert.deepEqual(found, { path: '/opt/custom/adb', source: 'env' });
});

test('a wrong ADB is an error, not a silent fallback', () => {
  assert.throws(
    () =>
      locateAdb({
        env: { ADB: '/nope/adb', PATH: '/usr/bin' },
        platform: 'linux',
        homeDir: '/home/p',
        isExecutable: only('/usr/bin/adb'),
      }),
    (error) => isBridgeError(error, 'ADB_NOT_FOUND') && error.message.includes('/nope/adb'),
  );
});

test('a bare ADB name is looked up on PATH', () => {
  const found = locateAdb({
    env: { ADB: 'adb-29', PATH: '/a:/b' },
    platform: 'linux',
    homeDir: '/home/p',
    isExecutable: only('/b/adb-29', '/a/adb'),
  });
  assert.deepEqual(found, { path: '/b/adb-29', source: 'env' });
});

test('PATH entries are searched in order', () => {
  const found = locateAdb({
    env: { PATH: '/a:/b:/c' },
    platform: 'linux',
    homeDir: '/home/p',
    isExecutable: only('/b/adb', '/c/adb'),
  });
  assert.deepEqual(found, { path: '/b/adb', source: 'path' });
});

test('Linux falls back to ANDROID_HOME, then ~/Android/Sdk', () => {
  const env = { PATH: '/usr/bin', ANDROID_HOME: '/sdk' };
  const base = { env, platform: 'linux' as const, homeDir: '/home/p' };
  assert.equal(
    locateAdb({ ...base, isExecutable: only('/sdk/platform-tools/adb') }).path,
    '/sdk/platform-tools/adb',
  );
  assert.equal(
    locateAdb({ ...base, isExecutable: only('/home/p/Android/Sdk/platform-tools/adb') }).path,
    '/home/p/Android/Sdk/platform-tools/adb',
  );
  assert.equal(
    locateAdb({
      env: { ANDROID_SDK_ROOT: '/root-sdk' },
      platform: 'linux',
      homeDir: '/home/p',
      isExecutable: only('/root-sdk/platform-tools/adb'),
    }).source,
    'known-folder',
  );
});

test('macOS looks in ~/Library/Android/sdk and Homebrew', () => {
  const base = { env: { PATH: '/usr/bin' }, platform: 'darwin' as const, homeDir: '/Users/p' };
  assert.equal(
    locateAdb({ ...base, isExecutable: only('/Users/p/Library/Android/sdk/platform-tools/adb') })
      .path,
    '/Users/p/Library/Android/sdk/platform-tools/adb',
  );
  assert.equal(
    locateAdb({ ...base, isExecutable: only('/opt/homebrew/bin/adb') }).path,
    '/opt/homebrew/bin/adb',
  );
  assert.equal(
    locateAdb({ ...base, isExecutable: only('/usr/local/bin/adb') }).path,
    '/usr/local/bin/adb',
  );
});

test('Windows uses adb.exe, a case-insensitive Path and %LOCALAPPDATA%', () => {
  const env = { Path: 'C:\\Tools;C:\\Other', LOCALAPPDATA: 'C:\\Users\\p\\AppData\\Local' };
  const base = { env, platform: 'win32' as const, homeDir: 'C:\\Users\\p' };
  assert.equal(
    locateAdb({ ...base, isExecutable: only('C:\\Other\\adb.exe') }).path,
    'C:\\Other\\adb.exe',
  );
  assert.equal(
    locateAdb({
      ...base,
      isExecutable: only('C:\\Users\\p\\AppData\\Local\\Android\\Sdk\\platform-tools\\adb.exe'),
    }).path,
    'C:\\Users\\p\\AppData\\Local\\Android\\Sdk\\platform-tools\\adb.exe',
  );
});

test('missing adb says so and how to install it on each OS', () => {
  const attempt = (platform: NodeJS.Platform) => () =>
    locateAdb({ env: { PATH: '/usr/bin' }, platform, homeDir: '/h', isExecutable: () => false });
  assert.throws(
    attempt('linux'),
    (e) =>
      isBridgeError(e, 'ADB_NOT_FOUND') &&
      e.message.startsWith('adb was not found') &&
      e.message.includes('sudo apt-get install adb') &&
      e.message.includes('ADB='),
  );
  assert.throws(attempt('darwin'), /brew install --cask android-platform-tools/);
  assert.throws(attempt('win32'), /platform-tools/);
});

test('the default check finds a real executable and refuses a directory', () => {
  // Node itself is a real executable on every machine, Windows included; tmpdir() a directory.
  assert.equal(locateAdb({ env: { ADB: process.execPath } }).path, process.execPath);
  assert.throws(() => locateAdb({ env: { ADB: tmpdir() } }), /not an executable/);
});

test('the adb shipped with the app wins over ADB, PATH and the SDK', () => {
  const found = locateAdb({
    bundledDir: '/opt/Tandem/resources/platform-tools',
    env: { ADB: '/opt/custom/adb', PATH: '/usr/bin', ANDROID_HOME: '/sdk' },
    platform: 'linux',
    homeDir: '/home/p',
    isExecutable: only(
      '/opt/Tandem/resources/platform-tools/adb',
      '/opt/custom/adb',
      '/usr/bin/adb',
      '/sdk/platform-tools/adb',
    ),
  });
  assert.deepEqual(found, { path: '/opt/Tandem/resources/platform-tools/adb', source: 'bundled' });
});

test('the bundled adb is adb.exe on Windows', () => {
  const dir = 'C:\\Program Files\\Tandem\\resources\\platform-tools';
  const found = locateAdb({
    bundledDir: dir,
    env: { Path: 'C:\\Tools' },
    platform: 'win32',
    homeDir: 'C:\\Users\\p',
    isExecutable: only(`${dir}\\adb.exe`, 'C:\\Tools\\adb.exe'),
  });
  assert.deepEqual(found, { path: `${dir}\\adb.exe`, source: 'bundled' });
});

test('a bundled folder without adb (a build run from source) falls back to ADB, then PATH', () => {
  const base = {
    bundledDir: '/repo/resources/platform-tools',
    platform: 'darwin' as const,
    homeDir: '/Users/p',
    isExecutable: only('/opt/custom/adb', '/usr/bin/adb'),
  };
  assert.deepEqual(locateAdb({ ...base, env: { ADB: '/opt/custom/adb', PATH: '/usr/bin' } }), {
    path: '/opt/custom/adb',
    source: 'env',
  });
  assert.deepEqual(locateAdb({ ...base, env: { PATH: '/usr/bin' } }), {
    path: '/usr/bin/adb',
    source: 'path',
  });
});

test('the default check finds a real bundled adb on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bundled-adb-'));
  try {
    const exe = join(dir, process.platform === 'win32' ? 'adb.exe' : 'adb');
    writeFileSync(exe, '#!/bin/sh\n');
    chmodSync(exe, 0o755);
    assert.deepEqual(locateAdb({ bundledDir: dir, env: { PATH: '' } }), {
      path: exe,
      source: 'bundled',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
