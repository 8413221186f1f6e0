// Keeps one adb `host:track-devices` connection alive: full device snapshots while it lives, one
// `lost` when the adb server goes away, reconnects with capped backoff, and `recovered` snapshots.
import { EventEmitter } from 'node:events';
import { parseAdbState } from '../adb/adb-state.js';
import type { AdbState } from '../types.js';
import { realTimers, retryDelay, type RetryOptions, type Timers } from './timers.js';

/** One device as adbkit's tracker reports it: serial and state text. */
export interface TrackedDevice {
  id: string;
  type: string;
}

export interface TrackerChangeSet {
  added: TrackedDevice[];
  changed: TrackedDevice[];
  removed: TrackedDevice[];
}

/** The part of adbkit's Tracker the feed uses. */
export interface DeviceTracker {
  on(event: 'changeSet', listener: (changes: TrackerChangeSet) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  end(): unknown;
}

/** The part of adbkit's Client the feed uses. */
export interface TrackingClient {
  trackDevices(): PromiseLike<DeviceTracker>;
}

export interface AdbDeviceFeedEvents {
  /** The complete device list after each change; `recovered` on the first one after an outage. */
  snapshot: [devices: ReadonlyMap<string, AdbState>, recovered: boolean];
  /** The adb server went away (or was never there); the first retry comes after `retryInMs`. */
  lost: [error: string, retryInMs: number];
}

export interface AdbDeviceFeedOptions {
  retry?: RetryOptions;
  timers?: Timers;
}

export class AdbDeviceFeed extends EventEmitter<AdbDeviceFeedEvents> {
  private readonly timers: Timers;
  private tracker: DeviceTracker | undefined;
  private retryTimer: unknown;
  private attempt = 0;
  private outage = false;
  private stopped = false;
  private generation = 0;

  constructor(
    private readonly client: TrackingClient,
    private readonly options: AdbDeviceFeedOptions = {},
  ) {
    super();
    this.timers = options.timers ?? realTimers;
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
    if (this.retryTimer !== undefined) this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    const tracker = this.tracker;
    this.tracker = undefined;
    if (tracker) endQuietly(tracker);
  }

  private connect(): void {
    const generation = ++this.generation;
    Promise.resolve(this.client.trackDevices()).then(
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
    const devices = new Map<string, AdbState>();
    let first = true;
    // Listeners stay attached for the tracker's life: an 'error' without a listener would crash.
    tracker.on('error', (error) => this.down(tracker, error));
    tracker.on('end', () => this.down(tracker, new Error('the adb server closed the connection')));
    // changeSet batches adbkit's add/change/remove of one update, so each snapshot is consistent.
    tracker.on('changeSet', (changes) => {
      if (this.tracker !== tracker) return;
      for (const device of changes.removed) devices.delete(device.id);
      for (const device of [...changes.added, ...changes.changed]) {
        devices.set(device.id, parseAdbState(device.type));
      }
      const recovered = first && this.outage;
      if (first) {
        first = false;
        this.outage = false;
        this.attempt = 0;
      }
      this.emit('snapshot', new Map(devices), recovered);
    });
  }

  private down(tracker: DeviceTracker, error: unknown): void {
    if (this.tracker !== tracker || this.stopped) return;
    this.tracker = undefined;
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
