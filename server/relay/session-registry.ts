// The live sessions. SessionRegistry is what the relay needs of them; MemorySessionRegistry keeps
// them in memory (a session is worth nothing after a server restart: both terminals rejoin a new
// one; memory-session-registry.ts); with --redis, cluster/redis-session-registry.ts keeps them in Redis for every node. Two
// terminals match by (a) page id + secret, or (b) a role token sealed with the session key. A
// refusal never says which part was wrong.
import { randomBytes } from 'node:crypto';
import type { Role } from '../../protocol/relay-frames.js';
import type { RelayErrorCode } from '../../protocol/relay-errors.js';
import type { FrameHeader } from '../../protocol/relay-frame-scan.js';
import type { BudgetedSession } from './memory-budget.js';
import type { RelayedTotals } from './relay-totals.js';
import type { JoinDecision } from './relay-session.js';
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

/** A new session's record (its relay aside): fresh ids and keys; the secret is shown once. */
export function newSessionRecord(
  options: { ownerId?: string | undefined; ttlMs?: number | undefined },
  now: number,
  defaultTtlMs: number,
): { record: Omit<SessionRecord, 'relay'>; secret: string } {
  const secret = randomToken(32);
  const record = {
    sessionId: randomToken(12),
    pageId: randomToken(16),
    ownerId: options.ownerId,
    secretHash: hashSecret(secret),
    sealKey: randomBytes(32),
    expiresAt: now + (options.ttlMs ?? defaultTtlMs),
  };
  return { record, secret };
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
