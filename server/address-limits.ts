// Budgets per client address, on top of the per-account rate limit: one address holding many
// accounts must not multiply what it may do. Fixed windows per address; entries of windows that
// have ended are dropped once per window, so memory follows the addresses seen recently.

export interface AddressLimitSettings {
  /** Requests per minute from one address, all accounts together. */
  readonly requestsPerMinute: number;
  /** Shadow accounts registered per hour from one address. */
  readonly accountsPerHour: number;
  /** Sessions created per hour from one address, all its accounts together. */
  readonly sessionsPerHour: number;
}

/** Sized for a household or office behind one NAT, yet bounded. */
export const DEFAULT_ADDRESS_LIMITS: AddressLimitSettings = Object.freeze({
  requestsPerMinute: 6000,
  accountsPerHour: 100,
  sessionsPerHour: 1000,
});

export type Taken = { ok: true } | { ok: false; retryAfterSeconds: number };

/** At most `max` takes per key in each window of `windowMs`. */
export class WindowCounter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep: number;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {
    this.lastSweep = now();
  }

  get size(): number {
    return this.windows.size;
  }

  take(key: string): Taken {
    const now = this.now();
    if (now - this.lastSweep >= this.windowMs) this.sweep(now);
    let window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.max) {
      return {
        ok: false,
        retryAfterSeconds: Math.ceil((window.start + this.windowMs - now) / 1000),
      };
    }
    window.count++;
    return { ok: true };
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
  }
}

export interface AddressLimits {
  readonly requests: WindowCounter;
  readonly accounts: WindowCounter;
  readonly sessions: WindowCounter;
}

export function createAddressLimits(
  settings: AddressLimitSettings,
  now: () => number,
): AddressLimits {
  return {
    requests: new WindowCounter(settings.requestsPerMinute, 60_000, now),
    accounts: new WindowCounter(settings.accountsPerHour, 3_600_000, now),
    sessions: new WindowCounter(settings.sessionsPerHour, 3_600_000, now),
  };
}
