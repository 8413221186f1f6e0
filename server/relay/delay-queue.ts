// Runs callbacks about `delayMs` after they were queued, on one timer that ticks every `tickMs`
// while anything waits: thousands of delayed acks cost one timer, and each tick runs only what is
// due, so the writes spread out as the acks came instead of leaving in one burst.

export class DelayQueue {
  private readonly fns: Array<() => void> = [];
  private readonly due: number[] = [];
  private head = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly delayMs: number,
    private readonly tickMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(fn: () => void): void {
    this.fns.push(fn);
    this.due.push(this.now() + this.delayMs);
    this.timer ??= setTimeout(this.tick, this.tickMs);
  }

  get size(): number {
    return this.fns.length - this.head;
  }

  clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.fns.length = 0;
    this.due.length = 0;
    this.head = 0;
  }

  private readonly tick = (): void => {
    this.timer = undefined;
    const now = this.now();
    // The delay is the same for all, so `due` is in order: run from the head while it is due.
    while (this.head < this.fns.length && this.due[this.head]! <= now) {
      const fn = this.fns[this.head]!;
      this.head++;
      fn();
    }
    if (this.head === this.fns.length) {
      this.fns.length = 0;
      this.due.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.fns.length) {
      this.fns.splice(0, this.head);
      this.due.splice(0, this.head);
      this.head = 0;
    }
    if (this.size > 0) this.timer = setTimeout(this.tick, this.tickMs);
  };
}
