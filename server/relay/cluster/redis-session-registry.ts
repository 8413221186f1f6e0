// The sessions when the relay spans nodes: each session record (page id, secret hash, seal key,
// owner, expiry) is a Redis hash that expires with the session, so any node matches a terminal of
// a session another node created. Records this node has seen are cached here, and written again
// when Redis comes back without its data.
import { LiveSessions, matchRecord } from '../live-sessions.js';
import {
  createdSession,
  newSessionRecord,
  type CreatedSession,
  type JoinCredentials,
  type MatchResult,
  type SessionRecord,
  type SessionRegistry,
  type SessionRelay,
} from '../session-registry.js';
import type { RelayedTotals } from '../relay-totals.js';
import { clusterKeys } from './cluster-keys.js';
import type { ClusterNode } from './cluster-node.js';
import { ClusterSession } from './cluster-session.js';

type StoredRecord = Omit<SessionRecord, 'relay'>;

export class RedisSessionRegistry implements SessionRegistry {
  /** The records this node has seen; what sessions that left it relayed stays in the totals. */
  private readonly sessions = new LiveSessions();

  constructor(private readonly node: ClusterNode) {
    node.redis.onRecovered((lostData) => {
      if (lostData) for (const record of this.sessions.records()) void this.store(record);
      node.recovered(lostData);
    });
  }

  create(options: { ownerId?: string; ttlMs?: number } = {}): CreatedSession {
    const created = newSessionRecord(options, this.node.now(), this.node.options.sessionTtlMs);
    const { record: stored, secret } = created;
    const record = this.cache(stored);
    void this.store(record);
    return createdSession(record, secret);
  }

  async match(credentials: JoinCredentials): Promise<MatchResult> {
    const record = this.sessions.get(credentials.pageId) ?? (await this.load(credentials.pageId));
    return matchRecord(credentials, record, this.node.now());
  }

  relays(): IterableIterator<SessionRelay> {
    return this.sessions.relays();
  }

  get(pageId: string): SessionRecord | undefined {
    return this.sessions.get(pageId);
  }

  remove(pageId: string, code: number, reason: string): boolean {
    if (!this.sessions.end(pageId, code, reason)) return false;
    void this.node.redis.commands.del(clusterKeys.record(pageId)).catch(() => {});
    return true;
  }

  /** Expired sessions leave this node's cache (Redis expires their keys by itself). */
  sweep(code: number, reason: string): number {
    let removed = 0;
    for (const record of this.sessions.expired(this.node.now())) {
      removed += this.sessions.end(record.pageId, code, reason) ? 1 : 0;
    }
    return removed;
  }

  /** This node's terminals close; the records stay in Redis for the other nodes. */
  closeAll(code: number, reason: string): void {
    for (const record of [...this.sessions.records()])
      this.sessions.end(record.pageId, code, reason);
  }

  get size(): number {
    return this.sessions.size;
  }

  totals(): RelayedTotals {
    return this.sessions.totals();
  }

  stats() {
    return this.sessions.stats();
  }

  private cache(stored: StoredRecord): SessionRecord {
    const record: SessionRecord = {
      ...stored,
      relay: new ClusterSession(stored.pageId, stored.expiresAt, this.node),
    };
    this.sessions.set(record);
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
