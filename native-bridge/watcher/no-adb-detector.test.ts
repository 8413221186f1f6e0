import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NoAdbDetector } from './no-adb-detector.js';
import { ManualTimers } from './manual-timers.js';
import type { UsbPhone } from '../types.js';

const phone = (key: string, extra: Partial<UsbPhone> = {}): UsbPhone => ({
  key,
  vendorId: 0x18d1,
  productId: 0x4ee7,
  hasAdbInterface: true,
  ...extra,
});

function setup() {
  const timers = new ManualTimers();
  const serials = new Set<string>();
  let up = true;
  const warned: string[] = [];
  const detector = new NoAdbDetector({
    graceMs: 4000,
    timers,
    adbSerials: () => serials,
    adbUp: () => up,
    onNoAdb: (usb) => warned.push(usb.key),
  });
  return { timers, serials, warned, detector, setUp: (v: boolean) => (up = v) };
}

test('no ADB interface: warned at once', () => {
  const { detector, warned, timers } = setup();
  detector.usbAttached(phone('k1', { hasAdbInterface: false }));
  assert.deepEqual(warned, ['k1']);
  assert.deepEqual(timers.delays(), []);
});

test('ADB interface but no adb device within the grace period: warned after it', () => {
  const { detector, warned, timers } = setup();
  detector.usbAttached(phone('k1', { serialNumber: 'S1' }));
  timers.advance(3999);
  assert.deepEqual(warned, []);
  timers.advance(1);
  assert.deepEqual(warned, ['k1']);
});

test('the matching adb device (same serial) arriving in time cancels the warning', () => {
  const { detector, warned, timers } = setup();
  detector.usbAttached(phone('k1', { serialNumber: 'S1' }));
  detector.adbAttached('OTHER');
  detector.adbAttached('S1');
  timers.advance(10_000);
  assert.deepEqual(warned, []);
});

test('an adb device known already needs no wait; an unplug cancels the wait', () => {
  const { detector, warned, timers, serials } = setup();
  serials.add('S1');
  detector.usbAttached(phone('k1', { serialNumber: 'S1' }));
  detector.usbAttached(phone('k2', { serialNumber: 'S2' }));
  detector.usbDetached('k2');
  timers.advance(10_000);
  assert.deepEqual(warned, []);
});

test('without a USB serial, any USB adb device clears it, network ones do not', () => {
  const { detector, warned, timers } = setup();
  detector.usbAttached(phone('k1'));
  detector.adbAttached('127.0.0.1:5555');
  detector.adbAttached('emulator-5554');
  timers.advance(4000);
  assert.deepEqual(warned, ['k1']);
  detector.usbAttached(phone('k2'));
  detector.adbAttached('R58M12');
  timers.advance(4000);
  assert.deepEqual(warned, ['k1']);
});

test('while the adb server is away the wait restarts instead of warning', () => {
  const { detector, warned, timers, setUp } = setup();
  detector.usbAttached(phone('k1', { serialNumber: 'S1' }));
  setUp(false);
  timers.advance(4000);
  assert.deepEqual(warned, []);
  assert.deepEqual(timers.delays(), [4000]);
  setUp(true);
  timers.advance(4000);
  assert.deepEqual(warned, ['k1']);
});
