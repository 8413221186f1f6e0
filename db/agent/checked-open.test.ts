// A damaged agent database is reported as DATABASE_CORRUPT, in each way a file gets damaged, and an
// empty or missing one in a folder that held a store is not silently replaced by a fresh one.
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  closeSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { phoneIdentity } from '../../protocol/identity.js';
import { HISTORY_DB_FILE, HistoryStore } from './history-store.js';

const root = mkdtempSync(join(tmpdir(), 'tandem-checked-open-'));
after(() => rmSync(root, { recursive: true, force: true }));

function filledStore(name: string): string {
  const dataDir = join(root, name);
  const store = HistoryStore.open({ dataDir });
  for (let i = 0; i < 200; i++) {
    store.recordPaired({
      identity: phoneIdentity('android_id', `a${i}`.padEnd(40, 'x')),
      model: 'Pixel'.padEnd(60, '.'),
      manufacturer: 'Google',
      serial: `S${i}`,
    });
  }
  store.saveServerAccount({ serverUrl: 'embedded:', clientId: 'c', credential: 'k' });
  store.close();
  return dataDir;
}

const damages: Record<string, (file: string, size: number) => void> = {
  'random bytes in the middle': (file, size) => overwrite(file, Math.floor(size / 2) + 100, 512),
  'a zero-length file': (file) => truncateSync(file, 0),
  'the file truncated to half': (file, size) => truncateSync(file, Math.floor(size / 2)),
  'the header overwritten': (file) => overwrite(file, 0, 100),
  'the file deleted (its key kept)': (file) => rmSync(file),
};

describe('opening a damaged agent database', () => {
  for (const [how, damage] of Object.entries(damages)) {
    it(`${how}: DATABASE_CORRUPT with the way out, and nothing recreated`, () => {
      const dataDir = filledStore(how.replace(/\W+/g, '-'));
      const file = join(dataDir, HISTORY_DB_FILE);
      damage(file, statSync(file).size);
      const before = statSync(file, { throwIfNoEntry: false })?.size;
      assert.throws(
        () => HistoryStore.open({ dataDir }),
        (error: Error & { code?: string }) => {
          assert.equal(error.code, 'DATABASE_CORRUPT');
          assert.match(error.message, /tandem doctor --repair/);
          return true;
        },
      );
      assert.equal(
        statSync(file, { throwIfNoEntry: false })?.size,
        before,
        'the file is left as it was',
      );
    });
  }

  it('a new folder still gets a fresh store', () => {
    const store = HistoryStore.open({ dataDir: join(root, 'fresh') });
    assert.deepEqual(store.list(), []);
    store.close();
  });
});

function overwrite(file: string, at: number, length: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(length, 0x5a), 0, length, at);
  closeSync(fd);
}
