// Phone ↔ client bindings, keyed by the server's hash of the phone identity. A binding whose
// last_seen is older than the TTL counts as absent (lazy expiry) and is deleted by sweeps and binds.
import type { IdentityKind } from '../../protocol/identity.js';
import type { SqliteDatabase } from '../sqlite.js';

export type LookupResult = 'unbound' | 'bound-to-you' | 'bound-to-another';
export type BindResult = 'created' | 'already-yours' | 'conflict';
export type ReleaseResult = 'released' | 'not-bound' | 'not-owner';

interface OwnerRow {
  client_id: string;
}

export class BindingsRepo {
  private readonly statements;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => number,
    private readonly ttlMs: number,
  ) {
    this.statements = {
      owner: db.prepare<[string, number], OwnerRow>(
        'SELECT client_id FROM bindings WHERE identity_hash = ? AND last_seen_at >= ?',
      ),
      deleteExpiredOne: db.prepare<[string, number]>(
        'DELETE FROM bindings WHERE identity_hash = ? AND last_seen_at < ?',
      ),
      insert: db.prepare<[string, string, IdentityKind, number, number]>(
        `INSERT INTO bindings (identity_hash, client_id, identity_kind, created_at, last_seen_at)
         VALUES (?, ?, ?, ?, ?) ON CONFLICT (identity_hash) DO NOTHING`,
      ),
      touch: db.prepare<[number, string, string, number]>(
        `UPDATE bindings SET last_seen_at = ?
         WHERE identity_hash = ? AND client_id = ? AND last_seen_at >= ?`,
      ),
      deleteOwned: db.prepare<[string, string]>(
        'DELETE FROM bindings WHERE identity_hash = ? AND client_id = ?',
      ),
      sweep: db.prepare<[number]>('DELETE FROM bindings WHERE last_seen_at < ?'),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM bindings'),
    };
  }

  /** Reads only; an owner's lookup also counts as "seen" so an active binding does not expire. */
  lookup(identityHash: string, clientId: string): LookupResult {
    const cutoff = this.cutoff();
    const row = this.statements.owner.get(identityHash, cutoff);
    if (!row) return 'unbound';
    if (row.client_id !== clientId) return 'bound-to-another';
    this.statements.touch.run(this.now(), identityHash, clientId, cutoff);
    return 'bound-to-you';
  }

  /** Atomic: among racing clients the UNIQUE key lets exactly one INSERT through. */
  bind(identityHash: string, kind: IdentityKind, clientId: string): BindResult {
    const step = this.db.transaction((): BindResult => {
      const now = this.now();
      const cutoff = now - this.ttlMs;
      this.statements.deleteExpiredOne.run(identityHash, cutoff);
      if (this.statements.insert.run(identityHash, clientId, kind, now, now).changes === 1) {
        return 'created';
      }
      const owner = this.statements.owner.get(identityHash, cutoff)?.client_id;
      if (owner !== clientId) return 'conflict';
      this.statements.touch.run(now, identityHash, clientId, cutoff);
      return 'already-yours';
    });
    return step.immediate();
  }

  /** Refreshes the owner's binding; false when the caller does not hold it. */
  touch(identityHash: string, clientId: string): boolean {
    return this.statements.touch.run(this.now(), identityHash, clientId, this.cutoff()).changes > 0;
  }

  release(identityHash: string, clientId: string): ReleaseResult {
    const step = this.db.transaction((): ReleaseResult => {
      const row = this.statements.owner.get(identityHash, this.cutoff());
      if (!row) {
        this.statements.deleteExpiredOne.run(identityHash, this.cutoff());
        return 'not-bound';
      }
      if (row.client_id !== clientId) return 'not-owner';
      this.statements.deleteOwned.run(identityHash, clientId);
      return 'released';
    });
    return step.immediate();
  }

  /** Deletes every expired binding; returns how many. */
  sweepExpired(): number {
    return this.statements.sweep.run(this.cutoff()).changes;
  }

  count(): number {
    return this.statements.count.get()!.n;
  }

  private cutoff(): number {
    return this.now() - this.ttlMs;
  }
}
