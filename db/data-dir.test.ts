import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ensureDataDir, resolveDataDir } from './data-dir.js';
import { DbError } from './db-error.js';

describe('resolveDataDir', () => {
  it('follows XDG on Linux, falling back to ~/.local/share', () => {
    const home = '/home/ana';
    assert.equal(
      resolveDataDir({ platform: 'linux', home, env: { XDG_DATA_HOME: '/data/x' } }),
      '/data/x/tandem',
    );
    assert.equal(
      resolveDataDir({ platform: 'linux', home, env: {} }),
      '/home/ana/.local/share/tandem',
    );
    // A relative XDG_DATA_HOME is invalid per the spec and ignored.
    assert.equal(
      resolveDataDir({ platform: 'linux', home, env: { XDG_DATA_HOME: 'rel/dir' } }),
      '/home/ana/.local/share/tandem',
    );
  });

  it('uses Application Support on macOS and %APPDATA% on Windows', () => {
    assert.equal(
      resolveDataDir({ platform: 'darwin', home: '/Users/ana', env: {} }),
      '/Users/ana/Library/Application Support/Tandem',
    );
    assert.equal(
      resolveDataDir({
        platform: 'win32',
        home: 'C:\\Users\\ana',
        env: { APPDATA: 'D:\\Roaming' },
      }),
      'D:\\Roaming\\Tandem',
    );
    assert.equal(
      resolveDataDir({ platform: 'win32', home: 'C:\\Users\\ana', env: {} }),
      'C:\\Users\\ana\\AppData\\Roaming\\Tandem',
    );
  });

  it('lets --data win over TANDEM_DATA_DIR, which wins over the OS default', () => {
    const env = { TANDEM_DATA_DIR: '/env/dir', XDG_DATA_HOME: '/xdg' };
    assert.equal(resolveDataDir({ platform: 'linux', home: '/h', env, explicit: '/cli' }), '/cli');
    assert.equal(resolveDataDir({ platform: 'linux', home: '/h', env }), '/env/dir');
    assert.equal(
      resolveDataDir({ platform: 'linux', home: '/h', env: {}, explicit: 'rel', cwd: '/work' }),
      '/work/rel',
    );
  });
});

describe('ensureDataDir', () => {
  const root = mkdtempSync(join(tmpdir(), 'tandem-datadir-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  it('creates missing folders with mode 0700', { skip: process.platform === 'win32' }, () => {
    const dir = ensureDataDir(join(root, 'a', 'b'));
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    assert.equal(ensureDataDir(dir), dir);
  });

  it('refuses a path that is a file', () => {
    const file = join(root, 'file');
    writeFileSync(file, 'x');
    assert.throws(
      () => ensureDataDir(file),
      (e) => e instanceof DbError && e.code === 'DATA_DIR_UNAVAILABLE',
    );
  });
});
