import type { PgMigration } from '../pg-migration.js';

// Every node on one database must hash identities with the same server.key, or a phone would have
// one binding per key. One row: an HMAC of a constant under the key (never the key itself, which
// stays out of the database so a leaked dump cannot be checked against a list of IMEIs).
export const keyCheck: PgMigration = {
  version: 4,
  name: 'key-check',
  sql: `
    CREATE TABLE server_key_check (
      only_row    BOOLEAN PRIMARY KEY DEFAULT true CHECK (only_row),
      fingerprint BYTEA   NOT NULL CHECK (octet_length(fingerprint) = 32),
      created_at  BIGINT  NOT NULL
    );
  `,
};
