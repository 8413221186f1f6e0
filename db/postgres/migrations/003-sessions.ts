import type { PgMigration } from '../pg-migration.js';

// Sessions a client opened for a phone page (the secret's hash only).
export const sessions: PgMigration = {
  version: 3,
  name: 'sessions',
  sql: `
    CREATE TABLE sessions (
      id          TEXT   PRIMARY KEY,
      page_id     TEXT   NOT NULL UNIQUE,
      client_id   TEXT   NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
      secret_hash BYTEA  NOT NULL CHECK (octet_length(secret_hash) = 32),
      created_at  BIGINT NOT NULL,
      expires_at  BIGINT NOT NULL CHECK (expires_at > created_at)
    );
    CREATE INDEX sessions_by_client ON sessions (client_id);
    CREATE INDEX sessions_by_expiry ON sessions (expires_at);
  `,
};
