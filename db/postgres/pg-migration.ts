/** One numbered PostgreSQL schema step; each lives in its own file under db/postgres/migrations/. */
export interface PgMigration {
  readonly version: number;
  readonly name: string;
  /** SQL run inside the migration's transaction. */
  readonly sql: string;
}
