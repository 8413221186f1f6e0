// adb 29 does not push every state change to trackers: `unauthorized` after a handshake and a network
// phone dropping to `offline` only show in a fresh `host:devices`. This re-reads the list now and then.
import type { AdbDeviceLine } from '../adb/adb-state.js';
import type { Timers } from './timers.js';

export interface ListPollerOptions {
  /** 0 turns polling off. */
  intervalMs: number;
  timers: Timers;
  list: () => PromiseLike<AdbDeviceLine[]>;
  onList: (devices: AdbDeviceLine[]) => void;
}

export class ListPoller {
  private timer: unknown;
  private running = false;
  private generation = 0;

  constructor(private readonly options: ListPollerOptions) {}

  start(): void {
    if (this.running || this.options.intervalMs <= 0) return;
    this.running = true;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.generation++;
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
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
    const generation = this.generation;
    try {
      const devices = await this.options.list();
      if (this.running && generation === this.generation) this.options.onList(devices);
    } catch {
      // A failing poll means the server is going away; the tracker reports that, not the poller.
    }
    if (this.running) this.schedule();
  }
}
