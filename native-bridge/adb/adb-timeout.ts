// The one bound for adb calls. adbkit has no timeouts of its own: a server that accepts the
// connection and never answers would hold the caller for ever. The work is handed a signal that
// aborts when the call is given up, so it can close what it opened.
import { BridgeError, BridgeErrorCode } from '../errors.js';
import { realTimers, type Timers } from '../watcher/timers.js';

/** The bound of one adb call when the caller gives none. */
export const DEFAULT_ADB_TIMEOUT_MS = 10_000;

export interface AdbTimeoutOptions {
  /** Default DEFAULT_ADB_TIMEOUT_MS; past it the call rejects with AdbTimeout. */
  timeoutMs?: number;
  /** Gives the call up early: it rejects with the signal's reason. */
  signal?: AbortSignal;
  timers?: Timers;
}

/** Runs `work`, rejecting with AdbTimeout ("<what> took longer than N ms") once the bound passes. */
export function withAdbTimeout<T>(
  what: string,
  work: (signal: AbortSignal) => PromiseLike<T>,
  options: AdbTimeoutOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_ADB_TIMEOUT_MS;
  const timers = options.timers ?? realTimers;
  const cancel = options.signal;
  const call = new AbortController();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (done: () => void): void => {
      if (settled) return;
      settled = true;
      timers.clearTimeout(timer);
      cancel?.removeEventListener('abort', onCancel);
      done();
    };
    const giveUp = (reason: unknown): void => {
      settle(() => reject(reason));
      call.abort(reason);
    };
    const onCancel = (): void => giveUp(cancel?.reason);
    const timer = timers.setTimeout(() => {
      giveUp(
        new BridgeError(BridgeErrorCode.AdbTimeout, `${what} took longer than ${timeoutMs} ms`),
      );
    }, timeoutMs);
    if (cancel?.aborted) return onCancel();
    cancel?.addEventListener('abort', onCancel, { once: true });
    try {
      Promise.resolve(work(call.signal)).then(
        (value) => settle(() => resolve(value)),
        (error: unknown) => settle(() => reject(error)),
      );
    } catch (error) {
      settle(() => reject(error));
    }
  });
}

/**
 * Ties what a call opened to its signal: closed at once (and the call stopped with the signal's
 * reason) when the call was already given up, else closed as soon as it is.
 */
export function closeOnAbort(signal: AbortSignal, close: () => void): void {
  if (signal.aborted) {
    close();
    throw signal.reason;
  }
  signal.addEventListener('abort', close, { once: true });
}
