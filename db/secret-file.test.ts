import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DbError } from './db-error.js';
import { loadOrCreateSecret } from './secret-file.js';

const posix = process.platform !== 'win32';

describe('loadOrCreateSecret', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-secret-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a 0600 file once and returns the same key afterwards', () => {
    const path = join(dir, 'a.key');
    const first = loadOrCreateSecret(path);
    assert.equal(first.created, true);
    assert.equal(first.key.length, 32);
    if (posix) assert.equal(statSync(path).mode & 0o777, 0o600);
    const second = loadOrCreateSecret(path);
    assert.equal(second.created, false);
    assert.deepEqual(second.key, first.key);
    assert.deepEqual(readdirSync(dir), ['a.key'], 'no temp file is left behind');
  });

  it('makes a different key for each file, of the asked size', () => {
    const a = loadOrCreateSecret(join(dir, 'b.key'), 16);
    const b = loadOrCreateSecret(join(dir, 'c.key'), 16);
    assert.equal(a.key.length, 16);
    assert.notDeepEqual(a.key, b.key);
  });

  it('repairs a file readable by others and says so', { skip: !posix }, () => {
    const path = join(dir, 'd.key');
    const { key } = loadOrCreateSecret(path);
    chmodSync(path, 0o644);
    const again = loadOrCreateSecret(path);
    assert.equal(again.repairedMode, 0o644);
    assert.deepEqual(again.key, key);
    assert.equal(statSync(path).mode & 0o777, 0o600);
  });

  it('refuses a file that does not hold a secret, without quoting it', () => {
    const path = join(dir, 'e.key');
    writeFileSync(path, 'not-a-key 490154203237518\n', { mode: 0o600 });
    assert.throws(
      () => loadOrCreateSecret(path),
      (e) =>
        e instanceof DbError && e.code === 'SECRET_FILE_INVALID' && !e.message.includes('4901'),
    );
    assert.match(readFileSync(path, 'utf8'), /not-a-key/, 'an invalid file is not overwritten');
  });
});
