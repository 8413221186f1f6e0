// Opens a keyed store (a SQLite file and its hash key) so that a broken file is reported, never
// silently replaced: a key without its database means the database was lost, and a database that
// fails SQLite's quick check is damaged. Both are DATABASE_CORRUPT; a folder refusing writes is
// DATABASE_READ_ONLY. The key is only created together with a new, empty store.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { asDatabaseFailure, corruptDatabase } from '../database-failure.js';
import type { Migration } from '../migration.js';
import { loadOrCreateSecret } from '../secret-file.js';
import { openDatabase, type SqliteDatabase } from '../sqlite.js';

export interface CheckedDatabase {
  db: SqliteDatabase;
  key: Buffer;
}

export function openCheckedDatabase(
  dir: string,
  dbFile: string,
  keyFile: string,
  migrations: readonly Migration[],
  /** The caller moved a broken file aside on purpose (`tandem doctor --repair`): start afresh. */
  fresh = false,
): CheckedDatabase {
  const path = join(dir, dbFile);
  try {
    const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    const secret = loadOrCreateSecret(join(dir, keyFile));
    if (!secret.created && size === 0 && !fresh) {
      throw corruptDatabase(
        dbFile,
        `is empty or missing but ${keyFile} shows this folder held one`,
      );
    }
    const db = openDatabase(path, migrations);
    try {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw corruptDatabase(dbFile, 'fails its integrity check');
    } catch (error) {
      db.close();
      throw error;
    }
    return { db, key: secret.key };
  } catch (error) {
    throw asDatabaseFailure(error, dbFile);
  }
}
