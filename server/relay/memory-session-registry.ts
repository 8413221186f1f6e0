// The sessions in this process's memory (without --redis): a session is worth nothing after a
// server restart, both terminals rejoin a new one.
import { LiveSessions, matchRecord } from './live-sessions.js';
import type { RelayedTotals } from './relay-totals.js';
import { RelaySession, type RelaySessionDeps } from './relay-session.js';
import {
  createdSession,
  newSessionRecord,
  type CreatedSession,
  type JoinCredentials,
  type MatchResult,
  type SessionRecord,
  type SessionRegistry,
  type SessionRelay,
} from './session-registry.js';

export class MemorySessionRegistry implements SessionRegistry {
  private readonly sessions = new LiveSessions();

  constructor(private readonly deps: RelaySessionDeps & { now: () => number }) {}

  create(options: { ownerId?: string; ttlMs?: number } = {}): CreatedSession {
    const created = newSessionRecord(options, this.deps.now(), this.deps.options.sessionTtlMs);
    const { record: stored, secret } = created;
    const record: SessionRecord = { ...stored, relay: new RelaySession(stored.pageId, this.deps) };
    this.sessions.set(record);
    return createdSession(record, secret);
  }

  match(credentials: JoinCredentials): MatchResult {
    return matchRecord(credentials, this.sessions.get(credentials.pageId), this.deps.now());
  }

  /** The live sessions' relays (the memory budget walks them). */
  relays(): IterableIterator<SessionRelay> {
    return this.sessions.relays();
  }

  get(pageId: string): SessionRecord | undefined {
    return this.sessions.get(pageId);
  }

  /** Ends one session (its owner closed it): terminals are closed, the page id stops matching. */
  remove(pageId: string, code: number, reason: string): boolean {
    return this.sessions.end(pageId, code, reason);
  }

  /** Drops expired sessions, closing their terminals; returns how many went. */
  sweep(code: number, reason: string): number {
    let removed = 0;
    for (const record of this.sessions.expired(this.deps.now())) {
      removed += this.remove(record.pageId, code, reason) ? 1 : 0;
    }
    return removed;
  }

  closeAll(code: number, reason: string): void {
    for (const record of [...this.sessions.records()]) this.remove(record.pageId, code, reason);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Messages and bytes relayed since start, ended sessions included. */
  totals(): RelayedTotals {
    return this.sessions.totals();
  }

  stats(): { sessions: number; relayedMessages: number; relayedBytes: number; coalesced: number } {
    return this.sessions.stats();
  }
}
