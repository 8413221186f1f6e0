// adb 29 does not push every state change to trackers: `unauthorized` after a handshake and a network
// phone dropping to `offline` only show in a fresh `host:devices`. This re-reads the list now and then.
import type { AdbDeviceLine } from '../adb/adb-state.js';
import { withAdbTimeout } from '../adb/adb-timeout.js';
import { BridgeErrorCode, isBridgeError, type BridgeError } from '../errors.js';
import type { Timers } from './timers.js';

export interface ListPollerOptions {
  /** 0 turns polling off. */
  intervalMs: number;
  /** Bound on one poll (default 10 s): a poll that takes longer is given up and reported. */
  timeoutMs?: number;
  timers: Timers;
  /** Reads the list; `signal` aborts when the poll is given up, to close its connection. */
  list: (signal: AbortSignal) => PromiseLike<AdbDeviceLine[]>;
  onList: (devices: AdbDeviceLine[]) => void;
  /** A poll the server did not answer in time (AdbTimeout). Polling goes on unless stopped. */
  onStall?: (error: BridgeError) => void;
}

export class ListPoller {
  private timer: unknown;
  private running = false;
  private generation = 0;
  /** Counts stop() calls: a poll from before the last stop neither reports nor reschedules. */
  private run = 0;
  private inFlight: AbortController | undefined;

  constructor(private readonly options: ListPollerOptions) {}

  start(): void {
    if (this.running || this.options.intervalMs <= 0) return;
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.generation++;
    this.run++;
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  /** A newer list arrived by other means: a poll already on its way would bring older news. */
  invalidate(): void {
    this.generation++;
  }

  private schedule(): void {
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = undefined;
      void this.poll();
    }, this.options.intervalMs);
  }

  private async poll(): Promise<void> {
    const { run, generation } = this;
    const cancel = new AbortController();
    this.inFlight = cancel;
    try {
      const devices = await withAdbTimeout('adb devices', (signal) => this.options.list(signal), {
        timeoutMs: this.options.timeoutMs,
        timers: this.options.timers,
        signal: cancel.signal,
      });
      if (this.running && generation === this.generation) this.options.onList(devices);
    } catch (error) {
      // A refused poll means the server is going away, and the tracker reports that. A poll
      // nobody answers may be the only sign of a hung server: that one is reported.
      if (run === this.run && isBridgeError(error, BridgeErrorCode.AdbTimeout)) {
        this.options.onStall?.(error);
      }
    } finally {
      if (this.inFlight === cancel) this.inFlight = undefined;
    }
    if (this.running && run === this.run) this.schedule();
  }
}
