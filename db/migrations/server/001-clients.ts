import type { Migration } from '../../migration.js';

// Shadow accounts: the server keeps only the SHA-256 of each credential.
export const clients: Migration = {
  version: 1,
  name: 'clients',
  up(db) {
    db.exec(`
      CREATE TABLE clients (
        id              TEXT    PRIMARY KEY,
        credential_hash BLOB    NOT NULL CHECK (length(credential_hash) = 32),
        created_at      INTEGER NOT NULL,
        last_seen_at    INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
