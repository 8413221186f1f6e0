import type { Migration } from '../../migration.js';

// Sessions a client opened for a phone page; the relay fills in their use later.
export const sessions: Migration = {
  version: 3,
  name: 'sessions',
  up(db) {
    db.exec(`
      CREATE TABLE sessions (
        id          TEXT    PRIMARY KEY,
        page_id     TEXT    NOT NULL UNIQUE,
        client_id   TEXT    NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        secret_hash BLOB    NOT NULL CHECK (length(secret_hash) = 32),
        created_at  INTEGER NOT NULL,
        expires_at  INTEGER NOT NULL CHECK (expires_at > created_at)
      ) STRICT;
      CREATE INDEX sessions_by_client ON sessions (client_id);
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);
    `);
  },
};
