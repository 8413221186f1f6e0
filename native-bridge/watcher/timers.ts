// Timers behind an interface, so that grace periods and reconnect delays are tested without waiting.
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface RetryOptions {
  /** First reconnect delay (default 250 ms). */
  initialMs?: number;
  /** The delay doubles up to this cap (default 5 s). */
  maxMs?: number;
}

/** Capped exponential backoff: initial, 2×initial, 4×initial … never above max. */
export function retryDelay(attempt: number, options: RetryOptions = {}): number {
  const initial = options.initialMs ?? 250;
  const max = options.maxMs ?? 5_000;
  return Math.min(max, initial * 2 ** Math.max(0, attempt));
}
