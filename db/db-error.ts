// Every error db/ raises carries a stable code, catalogued in docs/errors.md ("Local data").
export const DbErrorCode = {
  /** The data folder cannot be created or is not a directory. */
  DataDirUnavailable: 'DATA_DIR_UNAVAILABLE',
  /** A secret file (history.key, server.key) exists but is not a valid secret. */
  SecretFileInvalid: 'SECRET_FILE_INVALID',
  /** The database was written by a newer Tandem (its schema version is unknown here). */
  SchemaTooNew: 'DB_SCHEMA_TOO_NEW',
  /** The list of migrations is not numbered 1..n without gaps (a programming error). */
  MigrationsInvalid: 'MIGRATIONS_INVALID',
  /** A migration failed; its transaction was rolled back. */
  MigrationFailed: 'MIGRATION_FAILED',
  /**
   * A store's file is damaged or gone: SQLite says corrupt, not a database or I/O error, or the
   * file is empty / missing / without its account while the folder shows it held a store before.
   */
  DatabaseCorrupt: 'DATABASE_CORRUPT',
  /** The data folder or the database file refuses writes (read-only mount, permissions). */
  DatabaseReadOnly: 'DATABASE_READ_ONLY',
} as const;

export type DbErrorCode = (typeof DbErrorCode)[keyof typeof DbErrorCode];

export class DbError extends Error {
  constructor(
    readonly code: DbErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DbError';
  }
}
