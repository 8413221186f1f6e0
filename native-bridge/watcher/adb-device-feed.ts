// Keeps one adb `host:track-devices` connection alive: a full device snapshot per change while it
// lives, one `lost` when the adb server goes away, capped-backoff reconnects, a `recovered` snapshot.
import { EventEmitter } from 'node:events';
import { sameAdbState, type AdbDeviceLine } from '../adb/adb-state.js';
import { withAdbTimeout } from '../adb/adb-timeout.js';
import type { AdbState } from '../types.js';
import { ListPoller } from './list-poller.js';
import { realTimers, retryDelay, type RetryOptions, type Timers } from './timers.js';

/** The part of a device tracker (adb/track-devices.ts) the feed uses. */
export interface DeviceTracker {
  on(event: 'list', listener: (devices: AdbDeviceLine[]) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  /** Begins reporting; called once the listeners are attached, so the first list is not missed. */
  start(): void;
  end(): void;
}

/**
 * Opens device trackers; `trackAdbDevices` over an adbkit client in the app, a fake in tests. The
 * feed bounds both calls; `signal` aborts when a call is given up, to close its connection.
 */
export interface TrackingClient {
  trackDevices(signal?: AbortSignal): PromiseLike<DeviceTracker>;
  /** One `host:devices` answer, to catch what the tracker is not told (see list-poller.ts). */
  listDevices(signal?: AbortSignal): PromiseLike<AdbDeviceLine[]>;
}

export interface AdbDeviceFeedEvents {
  /** The complete device list after each change; `recovered` on the first one after an outage. */
  snapshot: [devices: ReadonlyMap<string, AdbState>, recovered: boolean];
  /** The adb server went away (or was never there); the first retry comes after `retryInMs`. */
  lost: [error: string, retryInMs: number];
}

export interface AdbDeviceFeedOptions {
  retry?: RetryOptions;
  /** How often the device list is re-read while tracking (default 1000 ms; 0: never). */
  pollMs?: number;
  /**
   * Bound on opening a tracker and on one poll (default 10 s). Past it the server counts as lost:
   * reported, then retried like a refused connection.
   */
  timeoutMs?: number;
  timers?: Timers;
}

export class AdbDeviceFeed extends EventEmitter<AdbDeviceFeedEvents> {
  private readonly timers: Timers;
  private readonly poller: ListPoller;
  private last: ReadonlyMap<string, AdbState> | undefined;
  private tracker: DeviceTracker | undefined;
  private retryTimer: unknown;
  private attempt = 0;
  private outage = false;
  private stopped = false;
  private readonly stopping = new AbortController();
  private generation = 0;

  constructor(
    private readonly client: TrackingClient,
    private readonly options: AdbDeviceFeedOptions = {},
  ) {
    super();
    this.timers = options.timers ?? realTimers;
    this.poller = new ListPoller({
      intervalMs: options.pollMs ?? 1_000,
      timeoutMs: options.timeoutMs,
      timers: this.timers,
      list: (signal) => client.listDevices(signal),
      onList: (devices) => this.publish(devices, false),
      // The tracker may never notice a server that stopped answering: treat it as gone.
      onStall: (error) => {
        if (this.tracker) this.down(this.tracker, error);
      },
    });
  }

  /** True while a tracker connection is up and has reported at least once since the last outage. */
  get connected(): boolean {
    return this.tracker !== undefined && !this.outage;
  }

  start(): void {
    if (this.generation === 0 && !this.stopped) this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.stopping.abort();
    this.poller.stop();
    if (this.retryTimer !== undefined) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const tracker = this.tracker;
    this.tracker = undefined;
    if (tracker) endQuietly(tracker);
  }

  private connect(): void {
    const generation = ++this.generation;
    const open = async (signal: AbortSignal): Promise<DeviceTracker> => {
      const tracker = await this.client.trackDevices(signal);
      // One that arrives after the timeout or stop() is nobody's: release it.
      if (signal.aborted) endQuietly(tracker);
      return tracker;
    };
    withAdbTimeout('adb host:track-devices', open, {
      timeoutMs: this.options.timeoutMs,
      timers: this.timers,
      signal: this.stopping.signal,
    }).then(
      (tracker) => {
        if (this.stopped || generation !== this.generation) return void endQuietly(tracker);
        this.follow(tracker);
      },
      (error: unknown) => {
        if (!this.stopped && generation === this.generation) this.lose(error);
      },
    );
  }

  private follow(tracker: DeviceTracker): void {
    this.tracker = tracker;
    let first = true;
    // Listeners stay attached for the tracker's life: an 'error' without a listener would crash.
    tracker.on('error', (error) =>
      this.down(tracker, new Error(`the adb server connection broke (${describe(error)})`)),
    );
    tracker.on('end', () => this.down(tracker, new Error('the adb server closed the connection')));
    tracker.on('list', (list) => {
      if (this.tracker !== tracker) return;
      this.poller.invalidate();
      const recovered = first && this.outage;
      if (first) {
        first = false;
        this.outage = false;
        this.attempt = 0;
        this.poller.start();
      }
      this.publish(list, recovered);
    });
    tracker.start();
  }

  /** Emits a snapshot when the list differs from the last one (or after an outage, always). */
  private publish(list: AdbDeviceLine[], recovered: boolean): void {
    const devices = new Map(list.map((d) => [d.serial, d.state]));
    if (!recovered && this.last && sameSnapshot(this.last, devices)) return;
    this.last = devices;
    this.emit('snapshot', new Map(devices), recovered);
  }

  private down(tracker: DeviceTracker, error: unknown): void {
    if (this.tracker !== tracker || this.stopped) return;
    this.tracker = undefined;
    this.poller.stop();
    endQuietly(tracker);
    this.lose(error);
  }

  private lose(error: unknown): void {
    const delay = retryDelay(this.attempt++, this.options.retry);
    if (!this.outage) {
      this.outage = true;
      this.emit('lost', describe(error), delay);
    }
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.stopped) this.connect();
    }, delay);
  }
}

function sameSnapshot(a: ReadonlyMap<string, AdbState>, b: ReadonlyMap<string, AdbState>): boolean {
  if (a.size !== b.size) return false;
  for (const [serial, state] of a) {
    const other = b.get(serial);
    if (other === undefined || !sameAdbState(state, other)) return false;
  }
  return true;
}

function endQuietly(tracker: DeviceTracker): void {
  try {
    tracker.end();
  } catch {
    // Already ended: nothing to release.
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' && !error.message.includes(code)
      ? `${error.message} (${code})`
      : error.message;
  }
  return String(error);
}
