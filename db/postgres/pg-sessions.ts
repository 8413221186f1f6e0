// Sessions in PostgreSQL (the secret's SHA-256 only), through named statements.
import type pg from 'pg';
import type { SessionRecord, SessionsStore } from '../server/pairing-store.js';
import { sessionFromRow, type SessionRow } from '../server/session-row.js';
import { guarded } from './unavailable.js';

export class PgSessions implements SessionsStore {
  constructor(private readonly pool: pg.Pool) {}

  insert(record: SessionRecord): Promise<void> {
    return guarded(async () => {
      await this.pool.query({
        name: 'sessions-insert',
        text: `INSERT INTO sessions (id, page_id, client_id, secret_hash, created_at, expires_at)
               VALUES ($1, $2, $3, $4, $5, $6)`,
        values: [
          record.id,
          record.pageId,
          record.clientId,
          record.secretHash,
          record.createdAt,
          record.expiresAt,
        ],
      });
    });
  }

  find(id: string): Promise<SessionRecord | undefined> {
    return guarded(async () => {
      const { rows } = await this.pool.query<SessionRow<string>>({
        name: 'sessions-find',
        text: `SELECT id, page_id, client_id, secret_hash, created_at, expires_at
               FROM sessions WHERE id = $1`,
        values: [id],
      });
      const row = rows[0];
      return row && sessionFromRow(row);
    });
  }

  deleteExpired(now: number): Promise<number> {
    return guarded(async () => {
      const result = await this.pool.query({
        name: 'sessions-delete-expired',
        text: 'DELETE FROM sessions WHERE expires_at <= $1',
        values: [now],
      });
      return result.rowCount ?? 0;
    });
  }
}
