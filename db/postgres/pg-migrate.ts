// Brings a PostgreSQL database to the newest schema: one transaction under an advisory lock, so
// nodes starting together take turns and the second finds the work done. A failed step rolls the
// whole run back.
import type pg from 'pg';
import { DbError } from '../db-error.js';
import type { PgMigration } from './pg-migration.js';
import { isStoreUnavailable } from './unavailable.js';

/** The advisory lock's key: "tandem" in ASCII, the same for every node. */
const MIGRATION_LOCK = 0x74616e64656d;

export async function migratePostgres(
  pool: pg.Pool,
  migrations: readonly PgMigration[],
): Promise<number> {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new DbError('MIGRATIONS_INVALID', `migration ${m.name} is not numbered ${i + 1}`);
    }
  });
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS tandem_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM tandem_migrations',
    );
    const current = rows[0]?.v ?? 0;
    if (current > migrations.length) {
      throw new DbError(
        'DB_SCHEMA_TOO_NEW',
        `the PostgreSQL schema is version ${current}, newer than this Tandem knows (${migrations.length})`,
      );
    }
    for (const step of migrations.slice(current)) {
      await client.query(step.sql);
      await client.query('INSERT INTO tandem_migrations (version, name) VALUES ($1, $2)', [
        step.version,
        step.name,
      ]);
    }
    await client.query('COMMIT');
    return migrations.length - current;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    broken = isStoreUnavailable(error);
    if (error instanceof DbError || broken) throw error;
    throw new DbError('MIGRATION_FAILED', 'a PostgreSQL migration failed and was rolled back', {
      cause: error,
    });
  } finally {
    client.release(broken);
  }
}
