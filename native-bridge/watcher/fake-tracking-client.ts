// A stand-in for adbkit's client and tracker in unit tests: the test decides when the adb server
// answers, what device lists it sends, and when it dies.
import { EventEmitter } from 'node:events';
import type { DeviceTracker, TrackerChangeSet, TrackingClient } from './adb-device-feed.js';

export class FakeTracker extends EventEmitter implements DeviceTracker {
  ended = false;
  private list = new Map<string, string>();

  /** Sends a full device list, as adb does on every change; adbkit turns it into a change set. */
  send(devices: Record<string, string>): void {
    const next = new Map(Object.entries(devices));
    const changes: TrackerChangeSet = { added: [], changed: [], removed: [] };
    for (const [id, type] of next) {
      const old = this.list.get(id);
      if (old === undefined) changes.added.push({ id, type });
      else if (old !== type) changes.changed.push({ id, type });
    }
    for (const [id, type] of this.list) if (!next.has(id)) changes.removed.push({ id, type });
    this.list = next;
    this.emit('changeSet', changes);
  }

  /** The adb server dies: adbkit's tracker reports an error, then its end. */
  die(): void {
    this.emit('error', new Error('Connection closed'));
    this.emit('end');
  }

  end(): this {
    this.ended = true;
    return this;
  }
}

export class FakeTrackingClient implements TrackingClient {
  /** Each trackDevices() call takes the next outcome; a string is a refusal with that code. */
  readonly outcomes: Array<FakeTracker | string> = [];
  readonly trackers: FakeTracker[] = [];
  calls = 0;

  async trackDevices(): Promise<FakeTracker> {
    this.calls++;
    const outcome = this.outcomes.shift() ?? new FakeTracker();
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

/** Lets pending promise callbacks run. */
export const flush = () => new Promise<void>((resolve) => setImmediate(resolve));
