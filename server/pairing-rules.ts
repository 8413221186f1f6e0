// The pairing rules, once, above every store (SQLite or PostgreSQL): a phone is bound to one client
// at a time and the store's atomic claim picks exactly one winner of a race; a binding not seen for
// the TTL counts as absent (lazy expiry); only the owner touches or releases it; an owner's lookup
// counts as "seen". Each store offers only the primitives (db/server/pairing-store.ts).
// A takeover moves a live binding to the client whose person confirmed it on the phone itself: the
// ticket names the binding as it was (owner, creation time), and the store's one conditional UPDATE
// moves it only while it is still that binding, so a ticket moves at most once and a race with the
// old owner's touch or release has exactly one outcome. The old owner is told at its next lookup.
import type { IdentityKind } from '../protocol/identity.js';
import type { PairingStore, SessionRecord } from '../db/server/pairing-store.js';

export type LookupResult = 'unbound' | 'bound-to-you' | 'bound-to-another' | 'moved-away';
export type BindResult = 'created' | 'already-yours' | 'conflict';
export type ReleaseResult = 'released' | 'not-bound' | 'not-owner';
export type MoveResult = 'moved' | 'expired' | 'used' | 'stale';

/** What a takeover ticket carries (sealed by server/takeover-ticket.ts, so the phone reads none of it). */
export interface TakeoverTicket {
  identityHash: string;
  kind: IdentityKind;
  /** The client asking, whose person confirms on the phone. */
  toClientId: string;
  /** The binding as it was when the ticket was made. */
  fromClientId: string;
  createdAt: number;
  expiresAt: number;
}

/** How long a takeover ticket may wait for the person's tap on the phone. */
export const TAKEOVER_TICKET_TTL_MS = 120_000;

/** A client's last_seen is refreshed at most this often, so authenticated reads are not all writes. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;
/** A claim or release that loses a race to a concurrent change looks again at most this often. */
const RACE_ATTEMPTS = 3;

export class PairingRules {
  constructor(
    private readonly store: PairingStore,
    private readonly now: () => number,
    private readonly bindingTtlMs: number,
  ) {}

  async lookup(identityHash: string, clientId: string): Promise<LookupResult> {
    const cutoff = this.cutoff();
    const owner = await this.store.bindings.owner(identityHash, cutoff);
    if (owner === undefined) return 'unbound';
    if (owner !== clientId) {
      return (await this.wasMovedFrom(identityHash, clientId)) ? 'moved-away' : 'bound-to-another';
    }
    await this.store.bindings.touch(identityHash, clientId, this.now(), cutoff);
    return 'bound-to-you';
  }

  /** True when a confirmed takeover moved this phone's live binding away from `clientId`. */
  async wasMovedFrom(identityHash: string, clientId: string): Promise<boolean> {
    const binding = await this.store.bindings.find(identityHash, this.cutoff());
    return binding !== undefined && binding.clientId !== clientId && binding.movedFrom === clientId;
  }

  /**
   * The ticket for moving a phone bound to another client to `clientId`; undefined when the phone
   * is not bound to another (unbound, or already the caller's): then it pairs as usual.
   */
  async takeoverTicket(
    identityHash: string,
    kind: IdentityKind,
    clientId: string,
  ): Promise<TakeoverTicket | undefined> {
    const binding = await this.store.bindings.find(identityHash, this.cutoff());
    if (!binding || binding.clientId === clientId) return undefined;
    return {
      identityHash,
      kind,
      toClientId: clientId,
      fromClientId: binding.clientId,
      createdAt: binding.createdAt,
      expiresAt: this.now() + TAKEOVER_TICKET_TTL_MS,
    };
  }

  /** The person confirmed on the phone: move the binding the ticket names, atomically, once. */
  async moveBinding(ticket: TakeoverTicket): Promise<MoveResult> {
    const now = this.now();
    if (now >= ticket.expiresAt) return 'expired';
    const cutoff = now - this.bindingTtlMs;
    const { identityHash, fromClientId, createdAt, toClientId, kind } = ticket;
    const input = { identityHash, fromClientId, createdAt, toClientId, now, cutoff };
    if (await this.store.bindings.move(input)) return 'moved';
    const binding = await this.store.bindings.find(identityHash, cutoff);
    if (binding?.clientId === toClientId) return 'used';
    if (binding !== undefined) return 'stale';
    // The old binding lapsed or was released meanwhile: the phone is free, so the claim decides.
    const claim = await this.store.bindings.claim({
      identityHash,
      kind,
      clientId: toClientId,
      now,
      cutoff,
    });
    return claim.created ? 'moved' : claim.owner === toClientId ? 'used' : 'stale';
  }

  async bind(identityHash: string, kind: IdentityKind, clientId: string): Promise<BindResult> {
    for (let attempt = 1; ; attempt++) {
      const now = this.now();
      const cutoff = now - this.bindingTtlMs;
      const claim = await this.store.bindings.claim({ identityHash, kind, clientId, now, cutoff });
      if (claim.created) return 'created';
      // Released between the claim and the look at its owner: claim again.
      if (claim.owner === undefined && attempt < RACE_ATTEMPTS) continue;
      if (claim.owner !== clientId) return 'conflict';
      await this.store.bindings.touch(identityHash, clientId, now, cutoff);
      return 'already-yours';
    }
  }

  /** Refreshes the owner's binding; false when the caller does not hold it. */
  async touch(identityHash: string, clientId: string): Promise<boolean> {
    return this.store.bindings.touch(identityHash, clientId, this.now(), this.cutoff());
  }

  async release(identityHash: string, clientId: string): Promise<ReleaseResult> {
    for (let attempt = 1; ; attempt++) {
      const cutoff = this.cutoff();
      if (await this.store.bindings.deleteOwned(identityHash, clientId, cutoff)) return 'released';
      const owner = await this.store.bindings.owner(identityHash, cutoff);
      if (owner === undefined) return 'not-bound';
      if (owner !== clientId) return 'not-owner';
      // Bound to the caller again in between (its own concurrent bind): release that one.
      if (attempt >= RACE_ATTEMPTS) return 'not-bound';
    }
  }

  async createSession(
    input: Omit<SessionRecord, 'createdAt' | 'expiresAt'> & { ttlMs: number },
  ): Promise<SessionRecord> {
    const createdAt = this.now();
    const { ttlMs, ...rest } = input;
    const record: SessionRecord = { ...rest, createdAt, expiresAt: createdAt + ttlMs };
    await this.store.sessions.insert(record);
    return record;
  }

  /** An authenticated request counts as the client being seen (at most once a minute). */
  async clientSeen(clientId: string): Promise<void> {
    const now = this.now();
    await this.store.clients.touch(clientId, now, now - LAST_SEEN_RESOLUTION_MS);
  }

  /** Deletes lapsed bindings and expired sessions (they already count as absent). */
  async sweepExpired(): Promise<{ bindings: number; sessions: number }> {
    return {
      bindings: await this.store.bindings.deleteLapsed(this.cutoff()),
      sessions: await this.store.sessions.deleteExpired(this.now()),
    };
  }

  private cutoff(): number {
    return this.now() - this.bindingTtlMs;
  }
}
