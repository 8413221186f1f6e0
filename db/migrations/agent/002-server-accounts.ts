import type { Migration } from '../../migration.js';

// The agent's shadow account on each pairing server it has used.
export const serverAccounts: Migration = {
  version: 2,
  name: 'server-accounts',
  up(db) {
    db.exec(`
      CREATE TABLE server_accounts (
        server_url TEXT    PRIMARY KEY,
        client_id  TEXT    NOT NULL,
        credential TEXT    NOT NULL,
        created_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
