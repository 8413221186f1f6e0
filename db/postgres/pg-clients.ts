// Shadow accounts in PostgreSQL, through named (prepared) statements.
import type pg from 'pg';
import type { ClientRecord, ClientsStore } from '../server/pairing-store.js';
import { guarded } from './unavailable.js';

interface ClientRow {
  id: string;
  credential_hash: Buffer;
  created_at: string;
  last_seen_at: string;
}

export class PgClients implements ClientsStore {
  constructor(private readonly pool: pg.Pool) {}

  tryCreate(id: string, credentialHash: Buffer, now: number): Promise<boolean> {
    return guarded(async () => {
      const result = await this.pool.query({
        name: 'clients-insert',
        text: `INSERT INTO clients (id, credential_hash, created_at, last_seen_at)
               VALUES ($1, $2, $3, $3) ON CONFLICT (id) DO NOTHING`,
        values: [id, credentialHash, now],
      });
      return result.rowCount === 1;
    });
  }

  find(id: string): Promise<ClientRecord | undefined> {
    return guarded(async () => {
      const { rows } = await this.pool.query<ClientRow>({
        name: 'clients-find',
        text: 'SELECT id, credential_hash, created_at, last_seen_at FROM clients WHERE id = $1',
        values: [id],
      });
      const row = rows[0];
      return (
        row && {
          id: row.id,
          credentialHash: row.credential_hash,
          createdAt: Number(row.created_at),
          lastSeenAt: Number(row.last_seen_at),
        }
      );
    });
  }

  touch(id: string, now: number, staleBefore: number): Promise<void> {
    return guarded(async () => {
      await this.pool.query({
        name: 'clients-touch',
        text: 'UPDATE clients SET last_seen_at = $1 WHERE id = $2 AND last_seen_at < $3',
        values: [now, id, staleBefore],
      });
    });
  }

  count(): Promise<number> {
    return guarded(async () => {
      const { rows } = await this.pool.query<{ n: string }>({
        name: 'clients-count',
        text: 'SELECT count(*) AS n FROM clients',
      });
      return Number(rows[0]?.n ?? 0);
    });
  }
}
