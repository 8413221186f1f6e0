import type { PgMigration } from '../pg-migration.js';

// One row per phone: the PRIMARY KEY on the server's keyed identity hash makes a bind race have
// exactly one winner, across every node on this database.
export const bindings: PgMigration = {
  version: 2,
  name: 'bindings',
  sql: `
    CREATE TABLE bindings (
      identity_hash TEXT   PRIMARY KEY CHECK (length(identity_hash) = 64),
      client_id     TEXT   NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
      identity_kind TEXT   NOT NULL CHECK (identity_kind IN ('imei', 'serial', 'android_id')),
      created_at    BIGINT NOT NULL,
      last_seen_at  BIGINT NOT NULL
    );
    CREATE INDEX bindings_by_client ON bindings (client_id);
    CREATE INDEX bindings_by_last_seen ON bindings (last_seen_at);
  `,
};
