// A terminal connected to this node in a session that spans nodes: what it was sent (fwd seqs, in
// order, catching up from its Redis stream on any gap) and what it sent (acks to give it).
import type { Role } from '../../../protocol/relay-frames.js';
import type { TerminalLink } from '../role-slot.js';
import type { RelayStats } from '../slot-forwarding.js';
import { clusterKeys } from './cluster-keys.js';
import type { RedisLink } from './redis-link.js';
import type { SharedRate } from './shared-rate.js';

const CATCH_UP_BATCH = 256;
const noop = (): void => {};

export class ClusterTerminal {
  /** Highest fwd seq written to the link. */
  sentSeq = 0;
  /** Highest seq of the terminal stored in Redis, and the highest acknowledged to it. */
  recvSeq = 0;
  ackedSeq = 0;
  ackDueMessages = 0;
  ackDueBytes = 0;
  ackNow = false;
  ackLater = false;
  ackWithheld = false;
  withheldPoll: NodeJS.Timeout | undefined;
  progressAt: number;
  /** Latest-wins frames waiting for the link to drain, newest per type and key. */
  readonly latest = new Map<string, Buffer>();
  latestBytes = 0;
  private catchingUp = false;
  private catchUpAgain = false;
  /** The stream entry after which catching up reads (exclusive), '-' before the first read. */
  private streamFrom = '-';
  closed = false;

  constructor(
    readonly pageId: string,
    readonly role: Role,
    readonly conn: string,
    readonly holder: string,
    readonly token: string,
    readonly link: TerminalLink,
    private readonly redis: RedisLink,
    private readonly stats: RelayStats,
    private readonly highWater: number,
    now: number,
    /** Its rate budget in Redis, shared by the nodes it connects to. */
    readonly rate: SharedRate,
  ) {
    this.progressAt = now;
  }

  /** A reliable fwd frame published for this terminal. */
  deliver(seq: number, frame: Buffer): void {
    if (seq <= this.sentSeq) return;
    if (seq === this.sentSeq + 1 && !this.catchingUp) return this.write(seq, frame);
    this.catchUp();
  }

  /** A latest-wins frame: written now, or kept (newest per key) until the link drains. */
  deliverLatest(key: string, frame: Buffer): void {
    if (this.link.bufferedAmount < this.highWater && this.latest.size === 0) {
      return this.send(frame);
    }
    const old = this.latest.get(key);
    if (old) {
      this.latestBytes -= old.length;
      this.latest.delete(key);
      this.stats.coalesced++;
    }
    this.latest.set(key, frame);
    this.latestBytes += frame.length;
  }

  /** Writes waiting latest-wins frames while there is room (called when a write completes). */
  drainLatest(): void {
    for (const [key, frame] of this.latest) {
      if (this.link.bufferedAmount >= this.highWater) return;
      this.latest.delete(key);
      this.latestBytes -= frame.length;
      this.send(frame);
    }
  }

  /** Reads the terminal's stream past what it was sent and writes it, in order. */
  catchUp(): void {
    if (this.catchingUp) {
      this.catchUpAgain = true;
      return;
    }
    this.catchingUp = true;
    void this.readStream().finally(() => {
      this.catchingUp = false;
      if (this.catchUpAgain && !this.closed) {
        this.catchUpAgain = false;
        this.catchUp();
      }
    });
  }

  private async readStream(): Promise<void> {
    const key = clusterKeys.queue(this.pageId, this.role);
    try {
      for (;;) {
        const entries = await this.redis.commands.xrangeBuffer(
          key,
          this.streamFrom,
          '+',
          'COUNT',
          CATCH_UP_BATCH,
        );
        for (const [id, fields] of entries) {
          this.streamFrom = `(${id.toString('latin1')}`;
          const seq = Number(fields[1]!.toString('latin1'));
          if (seq > this.sentSeq && !this.closed) this.write(seq, fields[5]!);
        }
        if (entries.length < CATCH_UP_BATCH || this.closed) return;
      }
    } catch {
      // Redis is away: the recovery after it comes back catches every terminal up.
    }
  }

  private write(seq: number, frame: Buffer): void {
    this.sentSeq = seq;
    this.send(frame);
  }

  private send(frame: Buffer): void {
    this.stats.relayedMessages++;
    this.stats.relayedBytes += frame.length;
    this.link.send(frame, this.latest.size > 0 ? () => this.drainLatest() : noop);
  }

  /** A control frame (welcome, peer-*, ack, error) for this terminal. */
  control(frame: string | Buffer): void {
    this.link.send(frame, noop);
  }
}
