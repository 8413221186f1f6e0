// Shadow accounts in SQLite. Ids are unique by PRIMARY KEY; the caller regenerates on a clash.
import type { SqliteDatabase } from '../sqlite.js';
import type { ClientRecord, ClientsStore } from './pairing-store.js';

export type { ClientRecord } from './pairing-store.js';

interface ClientRow {
  id: string;
  credential_hash: Buffer;
  created_at: number;
  last_seen_at: number;
}

export class ClientsRepo implements ClientsStore {
  private readonly insert;
  private readonly selectOne;
  private readonly touchStmt;
  private readonly countStmt;

  constructor(db: SqliteDatabase) {
    this.insert = db.prepare<[string, Buffer, number, number]>(
      `INSERT INTO clients (id, credential_hash, created_at, last_seen_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
    );
    this.selectOne = db.prepare<[string], ClientRow>('SELECT * FROM clients WHERE id = ?');
    this.touchStmt = db.prepare<[number, string, number]>(
      'UPDATE clients SET last_seen_at = ? WHERE id = ? AND last_seen_at < ?',
    );
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM clients');
  }

  async tryCreate(id: string, credentialHash: Buffer, now: number): Promise<boolean> {
    return this.insert.run(id, credentialHash, now, now).changes === 1;
  }

  async find(id: string): Promise<ClientRecord | undefined> {
    const row = this.selectOne.get(id);
    return (
      row && {
        id: row.id,
        credentialHash: row.credential_hash,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
      }
    );
  }

  async touch(id: string, now: number, staleBefore: number): Promise<void> {
    this.touchStmt.run(now, id, staleBefore);
  }

  async count(): Promise<number> {
    return this.countStmt.get()!.n;
  }
}
