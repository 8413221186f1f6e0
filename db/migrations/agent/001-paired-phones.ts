import type { Migration } from '../../migration.js';

// Each phone this computer has paired, by the agent's keyed hash of its identity (never the raw one).
export const pairedPhones: Migration = {
  version: 1,
  name: 'paired-phones',
  up(db) {
    db.exec(`
      CREATE TABLE paired_phones (
        identity_hash   TEXT    PRIMARY KEY CHECK (length(identity_hash) = 64),
        identity_kind   TEXT    NOT NULL CHECK (identity_kind IN ('imei', 'serial', 'android_id')),
        identity_masked TEXT    NOT NULL,
        model           TEXT    NOT NULL,
        manufacturer    TEXT    NOT NULL,
        last_serial     TEXT    NOT NULL,
        first_paired_at INTEGER NOT NULL,
        last_seen_at    INTEGER NOT NULL,
        times_connected INTEGER NOT NULL DEFAULT 0 CHECK (times_connected >= 0)
      ) STRICT;
      CREATE INDEX paired_phones_by_serial ON paired_phones (last_serial);
      CREATE INDEX paired_phones_by_masked ON paired_phones (identity_masked);
    `);
  },
};
