// The type of an open Tandem database, on its own so the opener, the migrator and the migrations
// can all name it without importing one another (no import cycle).
import type Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;
