// A token bucket: `rate` tokens per second up to `burst`. The clock is injected so tests need no timers.

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /**
   * Takes `cost` tokens (the balance may go negative); returns ms to wait until it is positive again.
   * `now` lets a caller read the clock once for several buckets.
   */
  take(cost: number, now = this.now()): number {
    this.refill(now);
    this.tokens -= cost;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.rate) * 1000);
  }

  private refill(now: number): void {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }
}
