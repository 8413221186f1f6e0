// What changed between two adb device lists, as watcher events.
import { sameAdbState } from '../adb/adb-state.js';
import type { AdbState, PhoneEvent } from '../types.js';

export type DeviceStates = ReadonlyMap<string, AdbState>;

/** Events that take a watcher from `known` to `next`: detached first, then attached and state. */
export function diffDevices(known: DeviceStates, next: DeviceStates): PhoneEvent[] {
  const events: PhoneEvent[] = [];
  for (const serial of known.keys()) {
    if (!next.has(serial)) events.push({ type: 'detached', serial });
  }
  for (const [serial, state] of next) {
    const previous = known.get(serial);
    if (previous === undefined) events.push({ type: 'attached', serial, state });
    else if (!sameAdbState(previous, state))
      events.push({ type: 'state', serial, state, previous });
  }
  return events;
}
