// The live sessions. SessionRegistry is what the relay needs of them; MemorySessionRegistry keeps
// them in memory (a session is worth nothing after a server restart: both terminals rejoin a new
// one); with --redis, cluster/redis-session-registry.ts keeps them in Redis for every node. Two
// terminals match by (a) page id + secret, or (b) a role token sealed with the session key. A
// refusal never says which part was wrong.
import { randomBytes } from 'node:crypto';
import type { Role } from '../../protocol/relay-frames.js';
import { RelayErrorCode } from '../../protocol/relay-errors.js';
import type { FrameHeader } from '../../protocol/relay-frame-scan.js';
import type { BudgetedSession } from './memory-budget.js';
import { EndedSessionTotals, type RelayedTotals } from './relay-totals.js';
import { RelaySession, type JoinDecision, type RelaySessionDeps } from './relay-session.js';
import type { TerminalLink } from './role-slot.js';
import type { RelayStats } from './slot-forwarding.js';
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
  readonly relay: SessionRelay;
}

/** One session's relay as the upgrade and the connections see it (in memory, or across nodes). */
export interface SessionRelay extends BudgetedSession {
  readonly stats: RelayStats;
  /** May the terminal take `role`? `last`: the last relay seq it received, when resuming. */
  decide(
    role: Role,
    resumeToken: string | undefined,
    last: number | undefined,
  ): JoinDecision | Promise<JoinDecision>;
  attach(role: Role, link: TerminalLink, resumeLast: number | undefined): void;
  receive(role: Role, link: TerminalLink, frame: FrameHeader, bytes: Uint8Array): void;
  detach(role: Role, link: TerminalLink, intentional: boolean): void;
  close(code: number, reason: string): void;
  isIdle(): boolean;
}

export interface SessionRegistry {
  create(options?: { ownerId?: string; ttlMs?: number }): CreatedSession;
  match(credentials: JoinCredentials): MatchResult | Promise<MatchResult>;
  /** The live sessions' relays known to this node (the memory budget walks them). */
  relays(): Iterable<SessionRelay>;
  get(pageId: string): SessionRecord | undefined;
  remove(pageId: string, code: number, reason: string): boolean;
  sweep(code: number, reason: string): number;
  closeAll(code: number, reason: string): void;
  readonly size: number;
  stats(): { sessions: number; relayedMessages: number; relayedBytes: number; coalesced: number };
  /** Messages and bytes relayed since start, ended sessions included. */
  totals(): RelayedTotals;
}

/** The keys a session is matched with; also what the cluster stores. */
export interface SessionKeys {
  readonly secretHash: Buffer;
  readonly sealKey: Buffer;
}

/** Rule (a) or (b), in constant time, against `keys` (a decoy's when the page id is unknown). */
export function credentialsVerify(credentials: JoinCredentials, keys: SessionKeys): boolean {
  if (credentials.secret !== undefined && credentials.token === undefined) {
    return secretMatches(credentials.secret, keys.secretHash);
  }
  if (credentials.token !== undefined && credentials.secret === undefined) {
    return roleTokenMatches(credentials.token, keys.sealKey, credentials.pageId, credentials.role);
  }
  return false;
}

/** Fresh keys and ids for a new session; the secret is shown once. */
export function newSessionSecrets(): { pageId: string; secret: string; sealKey: Buffer } {
  return { pageId: randomToken(16), secret: randomToken(32), sealKey: randomBytes(32) };
}

export function createdSession(
  record: Omit<SessionRecord, 'relay'>,
  secret: string,
): CreatedSession {
  const { pageId, sealKey } = record;
  return {
    sessionId: record.sessionId,
    pageId,
    secret,
    tokens: { pc: roleToken(sealKey, pageId, 'pc'), phone: roleToken(sealKey, pageId, 'phone') },
    expiresAt: new Date(record.expiresAt),
  };
}

// Compared against when the page id is unknown, so that path costs the same as a wrong secret.
export const DECOY: SessionKeys = {
  secretHash: hashSecret(randomToken(32)),
  sealKey: randomBytes(32),
};

export class MemorySessionRegistry implements SessionRegistry {
  private readonly sessions = new Map<string, SessionRecord>();
  /** What ended sessions relayed, so the totals only grow (metrics counters). */
  private readonly ended = new EndedSessionTotals();

  constructor(private readonly deps: RelaySessionDeps & { now: () => number }) {}

  create(options: { ownerId?: string; ttlMs?: number } = {}): CreatedSession {
    const { pageId, secret, sealKey } = newSessionSecrets();
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
    return createdSession(record, secret);
  }

  match(credentials: JoinCredentials): MatchResult {
    const record = this.sessions.get(credentials.pageId);
    const verified = credentialsVerify(credentials, record ?? DECOY);
    if (!verified || !record) return { ok: false, code: RelayErrorCode.NotMatched };
    if (record.expiresAt <= this.deps.now()) return { ok: false, code: RelayErrorCode.Expired };
    return { ok: true, record };
  }

  /** The live sessions' relays (the memory budget walks them). */
  *relays(): IterableIterator<SessionRelay> {
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
    this.ended.add(record);
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
