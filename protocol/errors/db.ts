// db: the local data (the data folder, its secrets, the SQLite stores and their migrations).
import { defineCatalogue, type CodeOf } from '../coded-error.js';

export const dbErrors = defineCatalogue({
  room: 'db',
  heading: 'Local data (db/)',
  columns: { action: 'What the person can do' },
  codes: {
    DATA_DIR_UNAVAILABLE: {
      name: 'DataDirUnavailable',
      when: 'The data folder (`--data DIR`, `$TANDEM_DATA_DIR` or the per-OS default) cannot be created or is not a directory.',
      action: 'Pick another `--data DIR`, or fix its permissions.',
    },
    SECRET_FILE_INVALID: {
      name: 'SecretFileInvalid',
      when: '`history.key` or `server.key` exists but does not hold a valid key (the message never quotes the file).',
      action:
        'Restore the file from a backup. Deleting it makes a new key, which orphans every stored hash (history entries, server bindings).',
    },
    DB_SCHEMA_TOO_NEW: {
      name: 'SchemaTooNew',
      when: 'The database was written by a newer Tandem.',
      action: 'Update Tandem, or use another `--data DIR`.',
    },
    MIGRATION_FAILED: {
      name: 'MigrationFailed',
      when: 'A schema migration failed; it was rolled back, the database keeps its previous version.',
      action: 'Report the message; the data is unchanged.',
    },
    MIGRATIONS_INVALID: {
      name: 'MigrationsInvalid',
      when: 'The migration list is not numbered 1..n (a programming error).',
      action: 'Report it.',
    },
    DATABASE_CORRUPT: {
      name: 'DatabaseCorrupt',
      when: '`agent.sqlite` is damaged (`SQLITE_CORRUPT`, `SQLITE_NOTADB`, truncated), or lost while `history.key` remains.',
      action:
        'Stop the agent; `tandem doctor` says why; `tandem doctor --repair` keeps it as `agent.sqlite.corrupt-<time>`, starts afresh.',
    },
    DATABASE_READ_ONLY: {
      name: 'DatabaseReadOnly',
      when: 'The data folder or the database refuses writes (read-only mount, permissions); nothing is changed.',
      action: 'Make the folder writable, or pick another `--data DIR`.',
    },
    SERVER_KEY_MISMATCH: {
      name: 'ServerKeyMismatch',
      when: "`tandem server --database`: this node's `server.key` differs from the key the PostgreSQL database was first used with (its fingerprint is kept there, never the key). Nodes with different keys would bind one phone once per key.",
      action:
        "Copy the same `server.key` into every node's data folder (or mount one), then start it again.",
    },
  },
  shared: ['STORE_UNAVAILABLE'],
});

export type DbErrorCode = CodeOf<typeof dbErrors>;
