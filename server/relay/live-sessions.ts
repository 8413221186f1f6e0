// The sessions live on this node, for either registry (in memory, or the cluster's cache of Redis):
// their relays, ending one (its terminals closed, what it relayed kept in the totals), the expired
// ones, and the relayed counts. Also the one match rule over a record that was found (or not).
import { RelayErrorCode } from '../../protocol/relay-errors.js';
import { EndedSessionTotals, type RelayedTotals } from './relay-totals.js';
import {
  DECOY,
  credentialsVerify,
  type JoinCredentials,
  type MatchResult,
  type SessionRecord,
  type SessionRelay,
} from './session-registry.js';

/** Rule (a) or (b) against `record` (a decoy when there is none, so both cost the same), then expiry. */
export function matchRecord(
  credentials: JoinCredentials,
  record: SessionRecord | undefined,
  now: number,
): MatchResult {
  const verified = credentialsVerify(credentials, record ?? DECOY);
  if (!verified || !record) return { ok: false, code: RelayErrorCode.NotMatched };
  if (record.expiresAt <= now) return { ok: false, code: RelayErrorCode.Expired };
  return { ok: true, record };
}

export class LiveSessions {
  private readonly sessions = new Map<string, SessionRecord>();
  /** What ended sessions relayed, so the totals only grow (metrics counters). */
  private readonly ended = new EndedSessionTotals();

  set(record: SessionRecord): void {
    this.sessions.set(record.pageId, record);
  }

  get(pageId: string): SessionRecord | undefined {
    return this.sessions.get(pageId);
  }

  records(): IterableIterator<SessionRecord> {
    return this.sessions.values();
  }

  /** The live sessions' relays (the memory budget walks them). */
  *relays(): IterableIterator<SessionRelay> {
    for (const record of this.sessions.values()) yield record.relay;
  }

  /** Ends one session here: its terminals are closed, the page id stops matching on this node. */
  end(pageId: string, code: number, reason: string): boolean {
    const record = this.sessions.get(pageId);
    if (!record) return false;
    this.sessions.delete(pageId);
    this.ended.add(record);
    record.relay.close(code, reason);
    return true;
  }

  /** The sessions whose expiry has passed, as a list (safe to end while walking it). */
  expired(now: number): SessionRecord[] {
    return [...this.sessions.values()].filter((record) => record.expiresAt <= now);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Messages and bytes relayed since start, ended sessions included. */
  totals(): RelayedTotals {
    return this.ended.with(this.stats());
  }

  stats(): { sessions: number; relayedMessages: number; relayedBytes: number; coalesced: number } {
    const total = {
      sessions: this.sessions.size,
      relayedMessages: 0,
      relayedBytes: 0,
      coalesced: 0,
    };
    for (const { relay } of this.sessions.values()) {
      total.relayedMessages += relay.stats.relayedMessages;
      total.relayedBytes += relay.stats.relayedBytes;
      total.coalesced += relay.stats.coalesced;
    }
    return total;
  }
}
