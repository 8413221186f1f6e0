// Opens one SQLite file the way every Tandem store wants it: private file mode, WAL, foreign keys,
// a busy timeout for a second process, then the store's migrations.
import { closeSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { Migration } from './migration.js';
import { migrate } from './migrator.js';
import type { SqliteDatabase } from './sqlite-database.js';

export type { SqliteDatabase } from './sqlite-database.js';

export function openDatabase(file: string, migrations: readonly Migration[]): SqliteDatabase {
  // Created 0600 before SQLite opens it; SQLite gives the -wal and -shm files the same mode.
  closeSync(openSync(file, 'a', 0o600));
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
