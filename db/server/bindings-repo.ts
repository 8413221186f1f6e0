// Phone ↔ client bindings in SQLite, keyed by the server's hash of the phone identity. Only the
// atomic primitives: the rules (lookup, bind, release, TTL) are server/pairing-rules.ts's.
import type { IdentityKind } from '../../protocol/identity.js';
import type { SqliteDatabase } from '../sqlite.js';
import type { BindingRecord, BindingsStore, ClaimInput, MoveInput } from './pairing-store.js';

interface OwnerRow {
  client_id: string;
}

interface BindingRow extends OwnerRow {
  created_at: number;
  moved_from: string | null;
}

export class BindingsRepo implements BindingsStore {
  private readonly statements;
  private readonly claimStep;

  constructor(db: SqliteDatabase) {
    this.statements = {
      owner: db.prepare<[string, number], OwnerRow>(
        'SELECT client_id FROM bindings WHERE identity_hash = ? AND last_seen_at >= ?',
      ),
      deleteLapsedOne: db.prepare<[string, number]>(
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
      deleteOwned: db.prepare<[string, string, number]>(
        'DELETE FROM bindings WHERE identity_hash = ? AND client_id = ? AND last_seen_at >= ?',
      ),
      find: db.prepare<[string, number], BindingRow>(
        `SELECT client_id, created_at, moved_from FROM bindings
         WHERE identity_hash = ? AND last_seen_at >= ?`,
      ),
      move: db.prepare<[string, string, number, number, string, string, number, number]>(
        `UPDATE bindings SET client_id = ?, moved_from = ?, created_at = ?, last_seen_at = ?
         WHERE identity_hash = ? AND client_id = ? AND created_at = ? AND last_seen_at >= ?`,
      ),
      sweep: db.prepare<[number]>('DELETE FROM bindings WHERE last_seen_at < ?'),
      count: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM bindings'),
    };
    // One IMMEDIATE transaction: among racing clients the UNIQUE key lets exactly one INSERT through.
    this.claimStep = db.transaction((input: ClaimInput) => {
      const { identityHash, clientId, kind, now, cutoff } = input;
      this.statements.deleteLapsedOne.run(identityHash, cutoff);
      if (this.statements.insert.run(identityHash, clientId, kind, now, now).changes === 1) {
        return { created: true, owner: clientId };
      }
      return { created: false, owner: this.statements.owner.get(identityHash, cutoff)?.client_id };
    });
  }

  async owner(identityHash: string, cutoff: number): Promise<string | undefined> {
    return this.statements.owner.get(identityHash, cutoff)?.client_id;
  }

  async claim(input: ClaimInput): Promise<{ created: boolean; owner: string | undefined }> {
    return this.claimStep.immediate(input);
  }

  async touch(identityHash: string, clientId: string, now: number, cutoff: number) {
    return this.statements.touch.run(now, identityHash, clientId, cutoff).changes > 0;
  }

  async deleteOwned(identityHash: string, clientId: string, cutoff: number): Promise<boolean> {
    return this.statements.deleteOwned.run(identityHash, clientId, cutoff).changes > 0;
  }

  async find(identityHash: string, cutoff: number): Promise<BindingRecord | undefined> {
    const row = this.statements.find.get(identityHash, cutoff);
    return row && { clientId: row.client_id, createdAt: row.created_at, movedFrom: row.moved_from };
  }

  async move(input: MoveInput): Promise<boolean> {
    const { identityHash, fromClientId, createdAt, toClientId, now, cutoff } = input;
    const { move } = this.statements;
    const args = [toClientId, fromClientId, now, now, identityHash, fromClientId] as const;
    return move.run(...args, createdAt, cutoff).changes === 1;
  }

  async deleteLapsed(cutoff: number): Promise<number> {
    return this.statements.sweep.run(cutoff).changes;
  }

  async count(): Promise<number> {
    return this.statements.count.get()!.n;
  }
}
