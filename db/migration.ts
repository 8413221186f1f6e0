import type { SqliteDatabase } from './sqlite-database.js';

/** One numbered schema step. Each lives in its own file under db/migrations/<store>/. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: SqliteDatabase): void;
}
