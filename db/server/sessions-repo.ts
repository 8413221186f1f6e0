// Sessions a client opens for its phone's page, in SQLite. Only the secret's SHA-256 is stored.
import type { SqliteDatabase } from '../sqlite.js';
import type { SessionRecord, SessionsStore } from './pairing-store.js';
import { sessionFromRow, type SessionRow } from './session-row.js';

export type { SessionRecord } from './pairing-store.js';

export class SessionsRepo implements SessionsStore {
  private readonly insertStmt;
  private readonly selectOne;
  private readonly sweep;

  constructor(db: SqliteDatabase) {
    this.insertStmt = db.prepare<[SessionRow]>(
      `INSERT INTO sessions (id, page_id, client_id, secret_hash, created_at, expires_at)
       VALUES (@id, @page_id, @client_id, @secret_hash, @created_at, @expires_at)`,
    );
    this.selectOne = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
    this.sweep = db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?');
  }

  async insert(record: SessionRecord): Promise<void> {
    this.insertStmt.run({
      id: record.id,
      page_id: record.pageId,
      client_id: record.clientId,
      secret_hash: record.secretHash,
      created_at: record.createdAt,
      expires_at: record.expiresAt,
    });
  }

  async find(id: string): Promise<SessionRecord | undefined> {
    const row = this.selectOne.get(id);
    return row && sessionFromRow(row);
  }

  async deleteExpired(now: number): Promise<number> {
    return this.sweep.run(now).changes;
  }
}
