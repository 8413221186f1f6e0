import type { PgMigration } from '../pg-migration.js';

// Shadow accounts: the server keeps only the SHA-256 of each credential. Times are epoch ms.
export const clients: PgMigration = {
  version: 1,
  name: 'clients',
  sql: `
    CREATE TABLE clients (
      id              TEXT   PRIMARY KEY,
      credential_hash BYTEA  NOT NULL CHECK (octet_length(credential_hash) = 32),
      created_at      BIGINT NOT NULL,
      last_seen_at    BIGINT NOT NULL
    );
  `,
};
