// The first node to open a database records its server.key's fingerprint; every later node must
// present the same key (copy server.key to every node), else it refuses to start rather than
// hash phones differently from the others.
import { createHmac } from 'node:crypto';
import type pg from 'pg';
import { DbError } from '../db-error.js';

export function keyFingerprint(key: Uint8Array): Buffer {
  return createHmac('sha256', key).update('tandem server.key check').digest();
}

export async function checkServerKey(pool: pg.Pool, key: Uint8Array, now: number): Promise<void> {
  const mine = keyFingerprint(key);
  await pool.query({
    name: 'key-check-insert',
    text: `INSERT INTO server_key_check (fingerprint, created_at) VALUES ($1, $2)
           ON CONFLICT (only_row) DO NOTHING`,
    values: [mine, now],
  });
  const { rows } = await pool.query<{ fingerprint: Buffer }>({
    name: 'key-check-select',
    text: 'SELECT fingerprint FROM server_key_check',
  });
  if (!rows[0]?.fingerprint.equals(mine)) {
    throw new DbError(
      'SERVER_KEY_MISMATCH',
      "this node's server.key is not the one the PostgreSQL database was first used with; give every node the same server.key",
    );
  }
}
