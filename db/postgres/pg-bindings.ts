// Phone ↔ client bindings in PostgreSQL: the atomic primitives only (the rules are
// server/pairing-rules.ts's). The claim is one INSERT … ON CONFLICT that takes a lapsed row over,
// so a race between any number of nodes has exactly one winner.
import type pg from 'pg';
import type {
  BindingRecord,
  BindingsStore,
  ClaimInput,
  MoveInput,
} from '../server/pairing-store.js';
import { guarded } from './unavailable.js';

export class PgBindings implements BindingsStore {
  constructor(private readonly pool: pg.Pool) {}

  owner(identityHash: string, cutoff: number): Promise<string | undefined> {
    return guarded(async () => {
      const { rows } = await this.pool.query<{ client_id: string }>({
        name: 'bindings-owner',
        text: 'SELECT client_id FROM bindings WHERE identity_hash = $1 AND last_seen_at >= $2',
        values: [identityHash, cutoff],
      });
      return rows[0]?.client_id;
    });
  }

  claim(input: ClaimInput): Promise<{ created: boolean; owner: string | undefined }> {
    const { identityHash, clientId, kind, now, cutoff } = input;
    return guarded(async () => {
      const claimed = await this.pool.query({
        name: 'bindings-claim',
        text: `INSERT INTO bindings (identity_hash, client_id, identity_kind, created_at, last_seen_at)
               VALUES ($1, $2, $3, $4, $4)
               ON CONFLICT (identity_hash) DO UPDATE
                 SET client_id = EXCLUDED.client_id, identity_kind = EXCLUDED.identity_kind,
                     created_at = EXCLUDED.created_at, last_seen_at = EXCLUDED.last_seen_at,
                     moved_from = NULL
                 WHERE bindings.last_seen_at < $5
               RETURNING client_id`,
        values: [identityHash, clientId, kind, now, cutoff],
      });
      if (claimed.rowCount === 1) return { created: true, owner: clientId };
      return { created: false, owner: await this.owner(identityHash, cutoff) };
    });
  }

  touch(identityHash: string, clientId: string, now: number, cutoff: number): Promise<boolean> {
    return guarded(async () => {
      const result = await this.pool.query({
        name: 'bindings-touch',
        text: `UPDATE bindings SET last_seen_at = $1
               WHERE identity_hash = $2 AND client_id = $3 AND last_seen_at >= $4`,
        values: [now, identityHash, clientId, cutoff],
      });
      return (result.rowCount ?? 0) > 0;
    });
  }

  deleteOwned(identityHash: string, clientId: string, cutoff: number): Promise<boolean> {
    return guarded(async () => {
      const result = await this.pool.query({
        name: 'bindings-delete-owned',
        text: `DELETE FROM bindings
               WHERE identity_hash = $1 AND client_id = $2 AND last_seen_at >= $3`,
        values: [identityHash, clientId, cutoff],
      });
      return (result.rowCount ?? 0) > 0;
    });
  }

  find(identityHash: string, cutoff: number): Promise<BindingRecord | undefined> {
    return guarded(async () => {
      const { rows } = await this.pool.query<{
        client_id: string;
        created_at: string;
        moved_from: string | null;
      }>({
        name: 'bindings-find',
        text: `SELECT client_id, created_at, moved_from FROM bindings
               WHERE identity_hash = $1 AND last_seen_at >= $2`,
        values: [identityHash, cutoff],
      });
      const row = rows[0];
      return (
        row && {
          clientId: row.client_id,
          createdAt: Number(row.created_at),
          movedFrom: row.moved_from,
        }
      );
    });
  }

  /** One conditional UPDATE: a concurrent touch, release or second move sees the row locked. */
  move(input: MoveInput): Promise<boolean> {
    const { identityHash, fromClientId, createdAt, toClientId, now, cutoff } = input;
    return guarded(async () => {
      const result = await this.pool.query({
        name: 'bindings-move',
        text: `UPDATE bindings SET client_id = $1, moved_from = $2, created_at = $3, last_seen_at = $3
               WHERE identity_hash = $4 AND client_id = $2 AND created_at = $5 AND last_seen_at >= $6`,
        values: [toClientId, fromClientId, now, identityHash, createdAt, cutoff],
      });
      return (result.rowCount ?? 0) === 1;
    });
  }

  deleteLapsed(cutoff: number): Promise<number> {
    return guarded(async () => {
      const result = await this.pool.query({
        name: 'bindings-delete-lapsed',
        text: 'DELETE FROM bindings WHERE last_seen_at < $1',
        values: [cutoff],
      });
      return result.rowCount ?? 0;
    });
  }

  count(): Promise<number> {
    return guarded(async () => {
      const { rows } = await this.pool.query<{ n: string }>({
        name: 'bindings-count',
        text: 'SELECT count(*) AS n FROM bindings',
      });
      return Number(rows[0]?.n ?? 0);
    });
  }
}
