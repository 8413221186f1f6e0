// A sessions table row as both stores read it (SQLite gives the times as numbers, PostgreSQL's
// BIGINT as strings), and the one mapping from a row to a SessionRecord.
import type { SessionRecord } from './pairing-store.js';

export interface SessionRow<Time extends number | string = number> {
  id: string;
  page_id: string;
  client_id: string;
  secret_hash: Buffer;
  created_at: Time;
  expires_at: Time;
}

export function sessionFromRow(row: SessionRow<number | string>): SessionRecord {
  return {
    id: row.id,
    pageId: row.page_id,
    clientId: row.client_id,
    secretHash: row.secret_hash,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
  };
}
