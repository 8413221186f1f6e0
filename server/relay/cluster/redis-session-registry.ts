// The sessions when the relay spans nodes: each session record (page id, secret hash, seal key,
// owner, expiry) is a Redis hash that expires with the session, so any node matches a terminal of
// a session another node created. Records this node has seen are cached here, and written again
// when Redis comes back without its data.
import { RelayErrorCode } from '../../../protocol/relay-errors.js';
import {
  DECOY,
  createdSession,
  credentialsVerify,
  newSessionSecrets,
  type CreatedSession,
  type JoinCredentials,
  type MatchResult,
  type SessionRecord,
  type SessionRegistry,
  type SessionRelay,
} from '../session-registry.js';
import { EndedSessionTotals, type RelayedTotals } from '../relay-totals.js';
import { hashSecret, randomToken } from '../session-secrets.js';
import { clusterKeys } from './cluster-scripts.js';
import type { ClusterNode } from './cluster-node.js';
import { ClusterSession } from './cluster-session.js';

type StoredRecord = Omit<SessionRecord, 'relay'>;

export class RedisSessionRegistry implements SessionRegistry {
  private readonly sessions = new Map<string, SessionRecord>();
  /** What sessions that left this node relayed, so the totals only grow (metrics counters). */
  private readonly ended = new EndedSessionTotals();

  constructor(private readonly node: ClusterNode) {
    node.redis.onRecovered((lostData) => {
      if (lostData) for (const record of this.sessions.values()) void this.store(record);
      node.recovered(lostData);
    });
  }

  create(options: { ownerId?: string; ttlMs?: number } = {}): CreatedSession {
    const { pageId, secret, sealKey } = newSessionSecrets();
    const expiresAt = this.node.now() + (options.ttlMs ?? this.node.options.sessionTtlMs);
    const stored: StoredRecord = {
      sessionId: randomToken(12),
      pageId,
      ownerId: options.ownerId,
      secretHash: hashSecret(secret),
      sealKey,
      expiresAt,
    };
    const record = this.cache(stored);
    void this.store(record);
    return createdSession(record, secret);
  }

  async match(credentials: JoinCredentials): Promise<MatchResult> {
    const record = this.sessions.get(credentials.pageId) ?? (await this.load(credentials.pageId));
    const verified = credentialsVerify(credentials, record ?? DECOY);
    if (!verified || !record) return { ok: false, code: RelayErrorCode.NotMatched };
    if (record.expiresAt <= this.node.now()) return { ok: false, code: RelayErrorCode.Expired };
    return { ok: true, record };
  }

  *relays(): IterableIterator<SessionRelay> {
    for (const record of this.sessions.values()) yield record.relay;
  }

  get(pageId: string): SessionRecord | undefined {
    return this.sessions.get(pageId);
  }

  remove(pageId: string, code: number, reason: string): boolean {
    const record = this.sessions.get(pageId);
    if (!record) return false;
    this.sessions.delete(pageId);
    this.ended.add(record);
    record.relay.close(code, reason);
    void this.node.redis.commands.del(clusterKeys.record(pageId)).catch(() => {});
    return true;
  }

  /** Expired sessions leave this node's cache (Redis expires their keys by itself). */
  sweep(code: number, reason: string): number {
    const now = this.node.now();
    let removed = 0;
    for (const record of [...this.sessions.values()]) {
      if (record.expiresAt > now) continue;
      this.sessions.delete(record.pageId);
      this.ended.add(record);
      record.relay.close(code, reason);
      removed++;
    }
    return removed;
  }

  closeAll(code: number, reason: string): void {
    for (const record of this.sessions.values()) {
      this.ended.add(record);
      record.relay.close(code, reason);
    }
    this.sessions.clear();
  }

  get size(): number {
    return this.sessions.size;
  }

  totals(): RelayedTotals {
    return this.ended.with(this.stats());
  }

  stats() {
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

  private cache(stored: StoredRecord): SessionRecord {
    const record: SessionRecord = {
      ...stored,
      relay: new ClusterSession(stored.pageId, stored.expiresAt, this.node),
    };
    this.sessions.set(stored.pageId, record);
    return record;
  }

  private async store(record: SessionRecord): Promise<void> {
    const key = clusterKeys.record(record.pageId);
    try {
      await this.node.redis.commands
        .multi()
        .hset(key, {
          sid: record.sessionId,
          owner: record.ownerId ?? '',
          sh: record.secretHash.toString('base64'),
          sk: record.sealKey.toString('base64'),
          exp: String(record.expiresAt),
        })
        .pexpireat(key, record.expiresAt)
        .exec();
    } catch (error) {
      this.node.deps.log.warn({ err: (error as Error).message }, 'session record not stored');
    }
  }

  /** A session another node created; undefined when Redis has none. Throws when Redis is away. */
  private async load(pageId: string): Promise<SessionRecord | undefined> {
    const fields = await this.node.redis.commands.hgetall(clusterKeys.record(pageId));
    if (!fields.sid || !fields.sh || !fields.sk || !fields.exp) return undefined;
    return (
      this.sessions.get(pageId) ??
      this.cache({
        sessionId: fields.sid,
        pageId,
        ownerId: fields.owner || undefined,
        secretHash: Buffer.from(fields.sh, 'base64'),
        sealKey: Buffer.from(fields.sk, 'base64'),
        expiresAt: Number(fields.exp),
      })
    );
  }
}
