// Collects the reliable messages of every terminal on this node during one event-loop turn and
// stores them in one Redis call (cluster-scripts.ts, appendMany). Order holds: a terminal's
// messages keep their order in a batch, and ioredis sends the batches in order.
import type { RedisLink } from './redis-link.js';

/** Frames kept toward one terminal at most (a safety bound; flow control stops senders far sooner). */
const STREAM_MAXLEN = 100_000;
const MAX_BATCH = 512;

/** seat, slot, peerSlot, peerQ, peerSeat, holder, seq, msg, expiresAt: the script's 9 arguments. */
export type AppendArgs = [string, string, string, string, string, string, number, Buffer, number];

interface Pending {
  args: AppendArgs;
  resolve: (reply: [number, number]) => void;
  reject: (error: unknown) => void;
}

export class AppendBatcher {
  private pending: Pending[] = [];
  private scheduled = false;

  constructor(private readonly redis: RedisLink) {}

  /** Resolves to [result, bytes queued toward the peer] (see appendMany). */
  append(args: AppendArgs): Promise<[number, number]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ args, resolve, reject });
      if (this.pending.length >= MAX_BATCH) return this.flush();
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const args: Array<string | number | Buffer> = [STREAM_MAXLEN];
    for (const { args: one } of batch) args.push(...one);
    this.redis.script('tandemAppendMany', ...args).then(
      (reply) => {
        const results = reply as number[];
        batch.forEach(({ resolve }, index) =>
          resolve([results[2 * index]!, results[2 * index + 1]!]),
        );
      },
      (error: unknown) => batch.forEach(({ reject }) => reject(error)),
    );
  }
}
