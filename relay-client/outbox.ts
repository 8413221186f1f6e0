// The sender's reliable messages not yet acknowledged by the relay, in seq order. Resent after a
// resume; bounded by a window so a slow receiver slows the sender instead of filling memory.

export interface OutboxEntry {
  seq: number;
  text: string;
  /** Frames the same message under another seq (after a slot reset). */
  frame: (seq: number) => string;
}

export class Outbox {
  private entries: OutboxEntry[] = [];
  private bytes = 0;
  private lastSeq = 0;
  private waiters: Array<() => void> = [];

  constructor(private readonly windowBytes: number) {}

  /** Frames a new message with the next seq; `frame(seq)` returns the JSON text. */
  push(frame: (seq: number) => string): OutboxEntry {
    const seq = ++this.lastSeq;
    const entry = { seq, text: frame(seq), frame };
    this.entries.push(entry);
    this.bytes += entry.text.length;
    return entry;
  }

  /** The relay holds everything through `seq`. */
  ackThrough(seq: number): void {
    let count = 0;
    while (count < this.entries.length && this.entries[count]!.seq <= seq) {
      this.bytes -= this.entries[count]!.text.length;
      count++;
    }
    if (count === 0) return;
    this.entries.splice(0, count);
    if (this.bytes <= this.windowBytes || this.entries.length === 0) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    }
  }

  /** The relay's slot was reset: number what is still unacknowledged again from 1. */
  renumber(): void {
    this.lastSeq = 0;
    this.bytes = 0;
    this.entries = this.entries.map((old) => {
      const seq = ++this.lastSeq;
      const entry = { seq, text: old.frame(seq), frame: old.frame };
      this.bytes += entry.text.length;
      return entry;
    });
  }

  pending(): readonly OutboxEntry[] {
    return this.entries;
  }

  get size(): number {
    return this.entries.length;
  }

  full(): boolean {
    return this.bytes > this.windowBytes;
  }

  /** Resolves once the window has room (or the outbox emptied). */
  room(): Promise<void> {
    if (!this.full()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Wakes every waiter (the client closed): they find out through their own checks. */
  release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}
