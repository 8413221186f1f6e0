import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsbWatcher } from './usb-watcher.js';
import type { RawUsbDevice } from './android-usb.js';
import type { UsbBackend, UsbHotplugHandlers } from './usb-backend.js';
import type { UsbPhone } from '../types.js';
import { lenovoKeyboard, pixelWithAdb, samsungNoAdb } from '../../testing/usb-devices.js';

class FakeUsb implements UsbBackend {
  handlers: UsbHotplugHandlers | undefined;
  unsubscribed = false;
  constructor(public present: RawUsbDevice[] = []) {}
  async list() {
    return this.present;
  }
  watch(handlers: UsbHotplugHandlers) {
    this.handlers = handlers;
    return () => {
      this.unsubscribed = true;
    };
  }
}

function record(watcher: UsbWatcher) {
  const log: string[] = [];
  const tag = (kind: string) => (p: UsbPhone) =>
    log.push(`${kind} ${p.key} adb=${p.hasAdbInterface}`);
  watcher.on('attached', tag('attached'));
  watcher.on('detached', tag('detached'));
  watcher.on('unavailable', (reason) => log.push(`unavailable ${reason}`));
  return log;
}

test('phones already plugged in are reported at start, other devices ignored', async () => {
  const usb = new FakeUsb([pixelWithAdb(), lenovoKeyboard()]);
  const watcher = new UsbWatcher({ loadBackend: async () => usb });
  const log = record(watcher);
  assert.equal(await watcher.start(), 'active');
  assert.deepEqual(log, ['attached usb:1-1:7 adb=true']);
  assert.equal(watcher.phones().length, 1);
});

test('hotplug connect/disconnect map to attached/detached, once each', async () => {
  const usb = new FakeUsb();
  const watcher = new UsbWatcher({ loadBackend: async () => usb });
  const log = record(watcher);
  await watcher.start();
  usb.handlers?.attach(samsungNoAdb());
  usb.handlers?.attach(samsungNoAdb()); // duplicate (listed and announced): one event
  usb.handlers?.attach(lenovoKeyboard());
  usb.handlers?.detach(lenovoKeyboard());
  // After unplug usb keeps only bus/address readable: the key alone finds the phone.
  usb.handlers?.detach({ vendorId: 0, productId: 0, bus: '1-1', address: 9 });
  usb.handlers?.detach(samsungNoAdb());
  assert.deepEqual(log, ['attached usb:1-1:9 adb=false', 'detached usb:1-1:9 adb=false']);
  assert.deepEqual(watcher.phones(), []);
});

test('a missing USB binding degrades to adb-only and says so once', async () => {
  const watcher = new UsbWatcher({
    loadBackend: async () => {
      throw new Error('Cannot find module @node-usb/usb-linux-x64-gnu');
    },
  });
  const log = record(watcher);
  assert.equal(await watcher.start(), 'unavailable');
  assert.equal(await watcher.start(), 'unavailable');
  assert.equal(log.length, 1);
  assert.match(
    log[0] ?? '',
    /^unavailable USB watching is unavailable \(Cannot find module .*\); relying on adb alone\.$/,
  );
  assert.match(watcher.unavailableReason ?? '', /adb alone/);
});

test('a failing device list (no permission, no bus) unsubscribes and degrades', async () => {
  const usb = new FakeUsb();
  usb.list = async () => {
    throw new Error('/sys/bus/usb/devices/ not found');
  };
  const watcher = new UsbWatcher({ loadBackend: async () => usb });
  const log = record(watcher);
  assert.equal(await watcher.start(), 'unavailable');
  assert.ok(usb.unsubscribed);
  assert.deepEqual(log, [
    'unavailable USB watching is unavailable (/sys/bus/usb/devices/ not found); relying on adb alone.',
  ]);
});

test('stop unsubscribes and silences late events', async () => {
  const usb = new FakeUsb();
  const watcher = new UsbWatcher({ loadBackend: async () => usb });
  const log = record(watcher);
  await watcher.start();
  watcher.stop();
  assert.ok(usb.unsubscribed);
  usb.handlers?.attach(pixelWithAdb());
  assert.deepEqual(log, []);
  assert.equal(watcher.status, 'stopped');
});
