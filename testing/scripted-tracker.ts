// A stand-in for the adb device tracker in unit tests: the test decides when the adb server
// answers, what device lists it sends, and when it dies.
import { EventEmitter } from 'node:events';
import { parseAdbState } from '../native-bridge/adb/adb-state.js';
import type { DeviceTracker, TrackingClient } from '../native-bridge/watcher/adb-device-feed.js';

export class FakeTracker extends EventEmitter implements DeviceTracker {
  ended = false;
  started = false;
  /** Lists sent before start(), as a real server's first list may arrive before anyone listens. */
  private early: Array<Record<string, string>> = [];

  /** Sends a full device list { serial: state text }, as adb does on every change. */
  send(devices: Record<string, string>): void {
    if (!this.started) return void this.early.push(devices);
    this.emit('list', toLines(devices));
  }

  /** The adb server dies: the tracker reports an error, then its end. */
  die(): void {
    this.emit('error', new Error('Premature end of stream, needed 4 more bytes'));
    this.emit('end');
  }

  start(): void {
    this.started = true;
    for (const devices of this.early.splice(0)) this.send(devices);
  }

  end(): void {
    this.ended = true;
  }
}

/** An outcome or listing for a server that accepts the request and never answers. */
export const HANG = 'HANG';

export class FakeTrackingClient implements TrackingClient {
  /** Each trackDevices() call takes the next outcome: HANG, or a string refusal code. */
  readonly outcomes: Array<FakeTracker | string> = [];
  readonly trackers: FakeTracker[] = [];
  calls = 0;
  /** What `host:devices` answers; HANG: nothing; another string is a refusal with that code. */
  listing: Record<string, string> | string = {};
  listCalls = 0;
  /** The signals the calls were given, latest last. */
  readonly signals: AbortSignal[] = [];

  async listDevices(signal?: AbortSignal) {
    this.listCalls++;
    if (signal) this.signals.push(signal);
    const listing = this.listing;
    if (listing === HANG) return new Promise<never>(() => {});
    if (typeof listing === 'string') {
      throw Object.assign(new Error(`connect ${listing} 127.0.0.1:5037`), { code: listing });
    }
    return toLines(listing);
  }

  async trackDevices(signal?: AbortSignal): Promise<FakeTracker> {
    this.calls++;
    if (signal) this.signals.push(signal);
    const outcome = this.outcomes.shift() ?? new FakeTracker();
    if (outcome === HANG) return new Promise<never>(() => {});
    if (typeof outcome === 'string') {
      throw Object.assign(new Error(`connect ${outcome} 127.0.0.1:5037`), { code: outcome });
    }
    this.trackers.push(outcome);
    return outcome;
  }

  get last(): FakeTracker {
    const tracker = this.trackers[this.trackers.length - 1];
    if (!tracker) throw new Error('no tracker yet');
    return tracker;
  }
}

function toLines(devices: Record<string, string>) {
  return Object.entries(devices).map(([serial, state]) => ({
    serial,
    state: parseAdbState(state),
    details: {},
  }));
}

/** Lets pending promise callbacks run. */
export const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
