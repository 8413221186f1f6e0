// The phone watcher: USB hotplug plus adb device tracking, as one stream of typed PhoneEvents.
import { EventEmitter } from 'node:events';
import { createAdbClient } from '../adb/client.js';
import { listAdbDevices, trackAdbDevices } from '../adb/track-devices.js';
import type { AdbState, PhoneEvent, UsbPhone } from '../types.js';
import { UsbWatcher, type UsbWatcherOptions, type UsbWatcherStatus } from '../usb/usb-watcher.js';
import { AdbDeviceFeed, type TrackingClient } from './adb-device-feed.js';
import { diffDevices } from './device-diff.js';
import { NoAdbDetector } from './no-adb-detector.js';
import { realTimers, type RetryOptions, type Timers } from './timers.js';

export interface PhoneWatcherOptions {
  /** adb server address (default 127.0.0.1:5037) and executable (located when omitted). */
  host?: string;
  port?: number;
  adbPath?: string;
  /** Start the adb server when it is not running (default true). Never for a remote host. */
  startServer?: boolean;
  /** Watch USB hotplug too (default true); `false` for adb only. */
  usb?: boolean | UsbWatcherOptions;
  /** How long a USB phone may go without an adb device before `usb-no-adb` (default 4 s). */
  noAdbGraceMs?: number;
  /** Reconnect backoff after the adb server is lost (default 250 ms doubling to 5 s). */
  retry?: RetryOptions;
  /**
   * How often adb's device list is re-read besides tracking (default 1000 ms; 0: never). adb 29
   * does not push `unauthorized` or a network phone going `offline` to trackers.
   */
  pollMs?: number;
  /**
   * Bound on each adb call the watcher makes (default 10 s). A server that does not answer in time
   * counts as lost: `adb-server-lost`, then reconnects with the backoff above.
   */
  adbTimeoutMs?: number;
  /** Receives the one-time "USB unavailable" notice. */
  logger?: { warn(message: string): void };
  /** Tests: a tracking client instead of an adbkit client built from host/port/adbPath. */
  client?: TrackingClient;
  timers?: Timers;
}

export interface WatchedDevice {
  serial: string;
  state: AdbState;
}

export interface PhoneWatcherEvents {
  event: [event: PhoneEvent];
}

export class PhoneWatcher extends EventEmitter<PhoneWatcherEvents> {
  private readonly feed: AdbDeviceFeed;
  private readonly usb: UsbWatcher | undefined;
  private readonly noAdb: NoAdbDetector;
  private known = new Map<string, AdbState>();
  private firstReport: Promise<void> | undefined;
  private endWait: (() => void) | undefined;
  private stopped = false;

  constructor(private readonly options: PhoneWatcherOptions = {}) {
    super();
    const timers = options.timers ?? realTimers;
    const client = options.client ?? adbTracking(options);
    this.feed = new AdbDeviceFeed(client, {
      retry: options.retry,
      pollMs: options.pollMs,
      timeoutMs: options.adbTimeoutMs,
      timers,
    });
    const usbOptions = options.usb ?? true;
    this.usb =
      usbOptions === false ? undefined : new UsbWatcher(usbOptions === true ? {} : usbOptions);
    this.noAdb = new NoAdbDetector({
      graceMs: options.noAdbGraceMs ?? 4_000,
      timers,
      adbSerials: () => this.known.keys(),
      adbUp: () => this.feed.connected,
      onNoAdb: (usb) => this.send({ type: 'usb-no-adb', usb }),
    });
  }

  /** Starts watching; resolves once adb has reported its devices (or its absence) and USB is up. */
  start(): Promise<void> {
    this.firstReport ??= this.begin();
    return this.firstReport;
  }

  /** The adb devices as last reported. */
  devices(): WatchedDevice[] {
    return [...this.known].map(([serial, state]) => ({ serial, state }));
  }

  usbPhones(): UsbPhone[] {
    return this.usb?.phones() ?? [];
  }

  get usbStatus(): UsbWatcherStatus | 'disabled' {
    return this.usb?.status ?? 'disabled';
  }

  /** Releases the adb connection, timers and USB hotplug listeners. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.endWait?.();
    this.feed.stop();
    this.usb?.stop();
    this.noAdb.stop();
  }

  private async begin(): Promise<void> {
    const firstAdbReport = new Promise<void>((resolve) => {
      this.endWait = resolve;
      this.feed.once('snapshot', () => resolve());
      this.feed.once('lost', () => resolve());
    });
    this.feed.on('snapshot', (devices, recovered) => this.onSnapshot(devices, recovered));
    this.feed.on('lost', (error, retryInMs) =>
      this.send({ type: 'adb-server-lost', error, retryInMs }),
    );
    if (this.usb) {
      this.usb.on('attached', (usb) => {
        this.send({ type: 'usb-attached', usb });
        this.noAdb.usbAttached(usb);
      });
      this.usb.on('detached', (usb) => {
        this.noAdb.usbDetached(usb.key);
        this.send({ type: 'usb-detached', usb });
      });
      this.usb.once('unavailable', (reason) => this.options.logger?.warn(reason));
    }
    this.feed.start();
    await Promise.all([firstAdbReport, this.usb?.start()]);
  }

  private onSnapshot(devices: ReadonlyMap<string, AdbState>, recovered: boolean): void {
    const events = diffDevices(this.known, devices);
    this.known = new Map(devices);
    if (recovered) this.send({ type: 'adb-server-recovered', serials: [...devices.keys()] });
    for (const event of events) {
      this.send(event);
      if (event.type === 'attached') this.noAdb.adbAttached(event.serial);
    }
  }

  private send(event: PhoneEvent): void {
    if (!this.stopped) this.emit('event', event);
  }
}

function adbTracking(options: PhoneWatcherOptions): TrackingClient {
  // Whether a refused connection may start the server is decided here, once, for every reconnect.
  const client = createAdbClient({
    host: options.host,
    port: options.port,
    adbPath: options.adbPath,
    startServer: options.startServer ?? true,
  });
  return {
    trackDevices: (signal) => trackAdbDevices(client, signal),
    listDevices: (signal) => listAdbDevices(client, signal),
  };
}
