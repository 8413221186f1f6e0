// Sessions a client opens for its phone's page. Only the secret's SHA-256 is stored;
// the relay (a later issue) matches terminals against it.
import type { SqliteDatabase } from '../sqlite.js';

export interface SessionRecord {
  id: string;
  pageId: string;
  clientId: string;
  secretHash: Buffer;
  createdAt: number;
  expiresAt: number;
}

interface SessionRow {
  id: string;
  page_id: string;
  client_id: string;
  secret_hash: Buffer;
  created_at: number;
  expires_at: number;
}

export class SessionsRepo {
  private readonly insert;
  private readonly selectOne;
  private readonly sweep;

  constructor(
    db: SqliteDatabase,
    private readonly now: () => number,
  ) {
    this.insert = db.prepare<[SessionRow]>(
      `INSERT INTO sessions (id, page_id, client_id, secret_hash, created_at, expires_at)
       VALUES (@id, @page_id, @client_id, @secret_hash, @created_at, @expires_at)`,
    );
    this.selectOne = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
    this.sweep = db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?');
  }

  createSession(
    input: Omit<SessionRecord, 'createdAt' | 'expiresAt'> & { ttlMs: number },
  ): SessionRecord {
    const createdAt = this.now();
    const record: SessionRecord = {
      id: input.id,
      pageId: input.pageId,
      clientId: input.clientId,
      secretHash: input.secretHash,
      createdAt,
      expiresAt: createdAt + input.ttlMs,
    };
    this.insert.run({
      id: record.id,
      page_id: record.pageId,
      client_id: record.clientId,
      secret_hash: record.secretHash,
      created_at: record.createdAt,
      expires_at: record.expiresAt,
    });
    return record;
  }

  find(id: string): SessionRecord | undefined {
    const row = this.selectOne.get(id);
    return (
      row && {
        id: row.id,
        pageId: row.page_id,
        clientId: row.client_id,
        secretHash: row.secret_hash,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
      }
    );
  }

  sweepExpired(): number {
    return this.sweep.run(this.now()).changes;
  }
}
