// The live sessions, in memory (a session is worth nothing after a server restart: both terminals
// rejoin a new one). Two terminals match by (a) page id + secret, or (b) a role token sealed
// with the session key. A refusal never says which part was wrong.
import { randomBytes } from 'node:crypto';
import type { Role } from '../../protocol/relay-frames.js';
import { RelayErrorCode } from '../../protocol/relay-errors.js';
import { RelaySession, type RelaySessionDeps } from './relay-session.js';
import {
  hashSecret,
  randomToken,
  roleToken,
  roleTokenMatches,
  secretMatches,
} from './session-secrets.js';

export interface CreatedSession {
  sessionId: string;
  pageId: string;
  /** Shown once; the registry keeps only its SHA-256. */
  secret: string;
  /** Rule (b): each terminal may present its role token instead of the secret. */
  tokens: Record<Role, string>;
  expiresAt: Date;
}

export interface JoinCredentials {
  pageId: string;
  role: Role;
  secret?: string | undefined;
  token?: string | undefined;
}

export type MatchResult =
  | { ok: true; record: SessionRecord }
  | { ok: false; code: typeof RelayErrorCode.NotMatched | typeof RelayErrorCode.Expired };

export interface SessionRecord {
  readonly sessionId: string;
  readonly pageId: string;
  readonly ownerId: string | undefined;
  readonly secretHash: Buffer;
  readonly sealKey: Buffer;
  readonly expiresAt: number;
  readonly relay: RelaySession;
}

// Compared against when the page id is unknown, so that path costs the same as a wrong secret.
const DECOY = { secretHash: hashSecret(randomToken(32)), sealKey: randomBytes(32) };

export class SessionRegistry {
  private readonly sessions = new Map<string, SessionRecord>();
  /** What ended sessions relayed, so the totals only grow (metrics counters). */
  private readonly ended = { relayedMessages: 0, relayedBytes: 0 };

  constructor(private readonly deps: RelaySessionDeps & { now: () => number }) {}

  create(options: { ownerId?: string; ttlMs?: number } = {}): CreatedSession {
    const pageId = randomToken(16);
    const secret = randomToken(32);
    const sealKey = randomBytes(32);
    const expiresAt = this.deps.now() + (options.ttlMs ?? this.deps.options.sessionTtlMs);
    const record: SessionRecord = {
      sessionId: randomToken(12),
      pageId,
      ownerId: options.ownerId,
      secretHash: hashSecret(secret),
      sealKey,
      expiresAt,
      relay: new RelaySession(pageId, this.deps),
    };
    this.sessions.set(pageId, record);
    return {
      sessionId: record.sessionId,
      pageId,
      secret,
      tokens: { pc: roleToken(sealKey, pageId, 'pc'), phone: roleToken(sealKey, pageId, 'phone') },
      expiresAt: new Date(expiresAt),
    };
  }

  match(credentials: JoinCredentials): MatchResult {
    const record = this.sessions.get(credentials.pageId);
    const keys = record ?? DECOY;
    let verified = false;
    if (credentials.secret !== undefined && credentials.token === undefined) {
      verified = secretMatches(credentials.secret, keys.secretHash);
    } else if (credentials.token !== undefined && credentials.secret === undefined) {
      verified = roleTokenMatches(
        credentials.token,
        keys.sealKey,
        credentials.pageId,
        credentials.role,
      );
    }
    if (!verified || !record) return { ok: false, code: RelayErrorCode.NotMatched };
    if (record.expiresAt <= this.deps.now()) return { ok: false, code: RelayErrorCode.Expired };
    return { ok: true, record };
  }

  /** The live sessions' relays (the memory budget walks them). */
  *relays(): IterableIterator<RelaySession> {
    for (const record of this.sessions.values()) yield record.relay;
  }

  get(pageId: string): SessionRecord | undefined {
    return this.sessions.get(pageId);
  }

  /** Ends one session (its owner closed it): terminals are closed, the page id stops matching. */
  remove(pageId: string, code: number, reason: string): boolean {
    const record = this.sessions.get(pageId);
    if (!record) return false;
    this.sessions.delete(pageId);
    this.ended.relayedMessages += record.relay.stats.relayedMessages;
    this.ended.relayedBytes += record.relay.stats.relayedBytes;
    record.relay.close(code, reason);
    return true;
  }

  /** Drops expired sessions, closing their terminals; returns how many went. */
  sweep(code: number, reason: string): number {
    const now = this.deps.now();
    let removed = 0;
    for (const record of [...this.sessions.values()]) {
      if (record.expiresAt <= now) removed += this.remove(record.pageId, code, reason) ? 1 : 0;
    }
    return removed;
  }

  closeAll(code: number, reason: string): void {
    for (const record of [...this.sessions.values()]) this.remove(record.pageId, code, reason);
  }

  get size(): number {
    return this.sessions.size;
  }

  /** Messages and bytes relayed since start, ended sessions included. */
  totals(): { relayedMessages: number; relayedBytes: number } {
    const live = this.stats();
    return {
      relayedMessages: this.ended.relayedMessages + live.relayedMessages,
      relayedBytes: this.ended.relayedBytes + live.relayedBytes,
    };
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
