// This relay node in a cluster: its Redis link, the terminals connected to it (by connection id,
// which frames on its channel name), their seat leases (renewed while they live), and what it does
// when Redis comes back.
import { randomBytes } from 'node:crypto';
import { RelayCloseCode, RelayErrorCode } from '../../../protocol/relay-errors.js';
import type { RelayOptions } from '../relay-options.js';
import type { RelaySessionDeps } from '../relay-session-deps.js';
import { clusterKeys } from './cluster-keys.js';
import type { ClusterContext, TerminalOwner } from './cluster-context.js';
import type { ClusterTerminal } from './cluster-terminal.js';
import { AppendBatcher } from './append-batcher.js';
import type { RedisLink } from './redis-link.js';

/** A seat lease lasts this long unless renewed; a dead node's seats free themselves after it. */
export const DEFAULT_LEASE_MS = 10_000;
const RENEW_BATCH = 500;

interface Tracked {
  terminal: ClusterTerminal;
  session: TerminalOwner;
}

export class ClusterNode implements ClusterContext {
  private readonly here = new Map<string, Tracked>();
  private connCounter = 0;
  private readonly boot = randomBytes(3).toString('hex');
  private readonly renewal: NodeJS.Timeout;
  readonly appends: AppendBatcher;

  constructor(
    readonly redis: RedisLink,
    readonly deps: RelaySessionDeps & { now: () => number },
    readonly leaseMs: number = DEFAULT_LEASE_MS,
  ) {
    this.appends = new AppendBatcher(redis);
    redis.onMessage((kind, conn, rest) => this.onMessage(kind, conn, rest));
    this.renewal = setInterval(() => void this.renewLeases(), Math.floor(leaseMs / 3));
    this.renewal.unref();
  }

  get options(): RelayOptions {
    return this.deps.options;
  }

  now(): number {
    return this.deps.now();
  }

  /** Unique across restarts of a node that keeps its id: a stale seat never names a new terminal. */
  nextConn(): string {
    return `${this.boot}${(++this.connCounter).toString(36)}`;
  }

  track(terminal: ClusterTerminal, session: TerminalOwner): void {
    this.here.set(terminal.conn, { terminal, session });
  }

  untrack(terminal: ClusterTerminal): void {
    if (this.here.get(terminal.conn)?.terminal === terminal) this.here.delete(terminal.conn);
  }

  /** Terminals connected to this node now. */
  get terminalCount(): number {
    return this.here.size;
  }

  /** Redis is back: catch every terminal up, or, when it lost its data, have them join again. */
  recovered(lostData: boolean): void {
    for (const { terminal, session } of [...this.here.values()]) {
      if (lostData) session.fail(terminal);
      else terminal.catchUp();
    }
  }

  stop(): void {
    clearInterval(this.renewal);
  }

  private onMessage(kind: string, conn: string, rest: Buffer): void {
    if (kind === 'B') return this.onBatch(rest);
    const tracked = this.here.get(conn);
    if (!tracked) return;
    const { terminal, session } = tracked;
    switch (kind) {
      case 'L': {
        const space = rest.indexOf(0x20);
        terminal.deliverLatest(rest.toString('latin1', 0, space), rest.subarray(space + 1));
        return;
      }
      case 'C':
        return terminal.control(rest);
      case 'K':
        return session.drop(terminal, RelayCloseCode.Replaced, 'replaced by a resumed connection');
    }
  }

  /** Reliable frames for terminals of this node: "<conn> <seq> <length> <frame>" repeated. */
  private onBatch(batch: Buffer): void {
    let at = 0;
    while (at < batch.length) {
      const connEnd = batch.indexOf(0x20, at);
      const seqEnd = batch.indexOf(0x20, connEnd + 1);
      const lengthEnd = batch.indexOf(0x20, seqEnd + 1);
      if (connEnd < 0 || seqEnd < 0 || lengthEnd < 0) return;
      const conn = batch.toString('latin1', at, connEnd);
      const seq = Number(batch.toString('latin1', connEnd + 1, seqEnd));
      const end = lengthEnd + 1 + Number(batch.toString('latin1', seqEnd + 1, lengthEnd));
      this.here.get(conn)?.terminal.deliver(seq, batch.subarray(lengthEnd + 1, end));
      at = end;
    }
  }

  /** Renews every seat held here; a seat found lost (Redis restarted empty) drops its terminal. */
  private async renewLeases(): Promise<void> {
    const all = [...this.here.values()];
    for (let start = 0; start < all.length; start += RENEW_BATCH) {
      const batch = all.slice(start, start + RENEW_BATCH);
      const args: string[] = [String(this.leaseMs)];
      for (const { terminal } of batch) {
        args.push(clusterKeys.seat(terminal.pageId, terminal.role), terminal.holder);
      }
      try {
        const kept = (await this.redis.script('tandemRenew', ...args)) as number[];
        kept.forEach((ok, index) => {
          const { terminal, session } = batch[index]!;
          if (ok === 0 && !terminal.closed) {
            session.drop(terminal, RelayCloseCode.ServerShutdown, RelayErrorCode.Unavailable);
          }
        });
      } catch {
        return; // Redis is away; the leases last leaseMs, and its recovery handles the rest.
      }
    }
  }
}
