// Shadow accounts. Ids are unique by PRIMARY KEY; the caller regenerates on a clash.
import type { SqliteDatabase } from '../sqlite.js';

export interface ClientRecord {
  id: string;
  /** SHA-256 of the credential; the credential itself is never stored. */
  credentialHash: Buffer;
  createdAt: number;
  lastSeenAt: number;
}

interface ClientRow {
  id: string;
  credential_hash: Buffer;
  created_at: number;
  last_seen_at: number;
}

/** last_seen is refreshed at most this often, so authenticated reads are not all writes. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

export class ClientsRepo {
  private readonly insert;
  private readonly selectOne;
  private readonly touchStmt;
  private readonly countStmt;

  constructor(
    db: SqliteDatabase,
    private readonly now: () => number,
  ) {
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

  /** False when the id is already taken (nothing is written then). */
  tryCreate(id: string, credentialHash: Buffer): boolean {
    const now = this.now();
    return this.insert.run(id, credentialHash, now, now).changes === 1;
  }

  find(id: string): ClientRecord | undefined {
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

  touch(id: string): void {
    const now = this.now();
    this.touchStmt.run(now, id, now - LAST_SEEN_RESOLUTION_MS);
  }

  count(): number {
    return this.countStmt.get()!.n;
  }
}
