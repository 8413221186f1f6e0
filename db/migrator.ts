// Brings a database to the newest schema: `PRAGMA user_version` holds the last applied migration,
// and each migration runs in its own IMMEDIATE transaction, so a failure leaves the previous version.
import { DbError, DbErrorCode } from './db-error.js';
import type { Migration } from './migration.js';
import type { SqliteDatabase } from './sqlite-database.js';

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
}

export function schemaVersion(db: SqliteDatabase): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: SqliteDatabase, migrations: readonly Migration[]): MigrationResult {
  checkNumbering(migrations);
  const from = schemaVersion(db);
  const latest = migrations.length;
  if (from > latest) {
    throw new DbError(
      DbErrorCode.SchemaTooNew,
      `database schema version ${from} is newer than this Tandem knows (${latest})`,
    );
  }
  const applied: string[] = [];
  for (const migration of migrations.slice(from)) {
    const step = db.transaction(() => {
      // Another process may have migrated meanwhile; the IMMEDIATE lock makes this check exact.
      if (schemaVersion(db) >= migration.version) return false;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
      return true;
    });
    try {
      if (step.immediate()) applied.push(`${migration.version}-${migration.name}`);
    } catch (error) {
      throw new DbError(
        DbErrorCode.MigrationFailed,
        `migration ${migration.version}-${migration.name} failed: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  return { from, to: schemaVersion(db), applied };
}

function checkNumbering(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new DbError(
        DbErrorCode.MigrationsInvalid,
        `migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`,
      );
    }
  });
}
