import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PhoneWatcher } from './phone-watcher.js';
import { FakeTrackingClient, HANG, flush } from '../../testing/scripted-tracker.js';
import { okay, silent, startFakeAdbServer } from '../../testing/scripted-adb-server.js';
import { ManualTimers } from './manual-timers.js';
import type { PhoneEvent } from '../types.js';
import type { UsbHotplugHandlers } from '../usb/usb-backend.js';
import { pixelWithAdb, samsungNoAdb } from '../../testing/usb-devices.js';
import { waitFor } from '../../testing/wait.js';

function setup(usb: 'fake' | 'broken' | false = 'fake') {
  const client = new FakeTrackingClient();
  const timers = new ManualTimers();
  let hotplug: UsbHotplugHandlers | undefined;
  const warnings: string[] = [];
  const watcher = new PhoneWatcher({
    client,
    timers,
    pollMs: 0,
    logger: { warn: (message) => warnings.push(message) },
    usb:
      usb === false
        ? false
        : {
            loadBackend: async () => {
              if (usb === 'broken') throw new Error('no libusb');
              return {
                list: async () => [],
                watch: (handlers) => {
                  hotplug = handlers;
                  return () => (hotplug = undefined);
                },
              };
            },
          },
  });
  const events: PhoneEvent[] = [];
  watcher.on('event', (event) => events.push(event));
  const plug = () => {
    if (!hotplug) throw new Error('USB not watched');
    return hotplug;
  };
  return { client, timers, watcher, events, warnings, plug };
}

/** A watcher started against an adb that lists no device yet. */
async function started(usb: 'fake' | 'broken' | false = 'fake') {
  const parts = setup(usb);
  const starting = parts.watcher.start();
  await flush();
  parts.client.last.send({});
  await starting;
  return parts;
}

const brief = (e: PhoneEvent) => {
  switch (e.type) {
    case 'attached':
      return `attached ${e.serial} ${JSON.stringify(e.state)}`;
    case 'state':
      return `state ${e.serial} ${JSON.stringify(e.previous)}->${JSON.stringify(e.state)}`;
    case 'detached':
      return `detached ${e.serial}`;
    case 'usb-attached':
    case 'usb-detached':
    case 'usb-no-adb':
      return `${e.type} ${e.usb.key}`;
    case 'adb-server-lost':
      return `lost ${e.retryInMs}`;
    case 'adb-server-recovered':
      return `recovered ${e.serials.join(',')}`;
  }
};

test('adb attach, authorization and unplug become attached, state, detached', async () => {
  const { client, watcher, events } = await started(false);
  client.last.send({ S1: 'unauthorized' });
  client.last.send({ S1: 'device' });
  assert.deepEqual(watcher.devices(), [{ serial: 'S1', state: 'device' }]);
  client.last.send({});
  assert.deepEqual(events.map(brief), [
    'attached S1 "unauthorized"',
    'state S1 "unauthorized"->"device"',
    'detached S1',
  ]);
  await watcher.stop();
});

test('server loss and recovery re-report devices by difference', async () => {
  const { client, timers, watcher, events } = setup(false);
  void watcher.start();
  await flush();
  client.last.send({ GONE: 'device', SAME: 'device', FLIP: 'unauthorized' });
  client.outcomes.push('ECONNREFUSED');
  client.last.die();
  timers.advance(250);
  await flush();
  timers.advance(500);
  await flush();
  client.last.send({ SAME: 'device', FLIP: 'device', NEW: 'offline' });
  assert.deepEqual(events.map(brief).slice(3), [
    'lost 250',
    'recovered SAME,FLIP,NEW',
    'detached GONE',
    'state FLIP "unauthorized"->"device"',
    'attached NEW "offline"',
  ]);
  await watcher.stop();
});

test('USB phone without ADB interface: usb-attached then usb-no-adb at once', async () => {
  const { watcher, events, plug } = await started();
  plug().attach(samsungNoAdb());
  plug().detach(samsungNoAdb());
  assert.deepEqual(events.map(brief), [
    'usb-attached usb:1-1:9',
    'usb-no-adb usb:1-1:9',
    'usb-detached usb:1-1:9',
  ]);
  await watcher.stop();
});

test('USB phone with ADB interface and no adb device: usb-no-adb after the grace period', async () => {
  const { timers, watcher, events, plug } = await started();
  plug().attach(pixelWithAdb());
  timers.advance(3999);
  assert.deepEqual(events.map(brief), ['usb-attached usb:1-1:7']);
  timers.advance(1);
  assert.deepEqual(events.map(brief), ['usb-attached usb:1-1:7', 'usb-no-adb usb:1-1:7']);
  await watcher.stop();
});

test('USB phone whose adb device shows up in time: no warning', async () => {
  const { client, timers, watcher, events, plug } = await started();
  plug().attach(pixelWithAdb());
  client.last.send({ '28041FDH2000AB': 'unauthorized' });
  timers.advance(10_000);
  assert.deepEqual(events.map(brief), [
    'usb-attached usb:1-1:7',
    'attached 28041FDH2000AB "unauthorized"',
  ]);
  assert.equal(watcher.usbPhones().length, 1);
  await watcher.stop();
});

test('no USB library: adb keeps working and the notice is logged once', async () => {
  const { client, watcher, events, warnings } = setup('broken');
  const started = watcher.start();
  await flush();
  client.last.send({ S1: 'device' });
  await started;
  assert.equal(watcher.usbStatus, 'unavailable');
  assert.deepEqual(warnings, ['USB watching is unavailable (no libusb); relying on adb alone.']);
  assert.deepEqual(events.map(brief), ['attached S1 "device"']);
  await watcher.stop();
});

test('stop releases the tracker and USB, and no event follows', async () => {
  const { client, watcher, events, plug, timers } = await started();
  const usb = plug();
  await watcher.stop();
  assert.ok(client.last.ended);
  assert.throws(() => plug(), /not watched/);
  usb.attach(pixelWithAdb());
  client.last.send({ S1: 'device' });
  assert.deepEqual(events, []);
  assert.deepEqual(timers.delays(), []);
});

test('start resolves even when stopped before adb answered', async () => {
  const { client, watcher, events } = setup(false);
  client.outcomes.push(HANG);
  const started = watcher.start();
  await watcher.stop();
  const outcome = await Promise.race([
    started.then(() => 'resolved'),
    flush().then(() => 'pending'),
  ]);
  assert.equal(outcome, 'resolved');
  assert.deepEqual(events, []);
  assert.equal(client.signals[0]?.aborted, true, 'the pending connect is given up');
});

test('an adb server that accepts and never answers: start settles, lost, then recovered', async () => {
  const server = await startFakeAdbServer(silent);
  const watcher = new PhoneWatcher({
    port: server.port,
    adbPath: 'adb',
    startServer: false,
    usb: false,
    adbTimeoutMs: 200,
    retry: { initialMs: 50, maxMs: 100 },
  });
  const events: PhoneEvent[] = [];
  watcher.on('event', (event) => events.push(event));
  try {
    const started = Date.now();
    await watcher.start();
    assert.ok(Date.now() - started < 2_000, `start took ${Date.now() - started} ms`);
    assert.deepEqual(events.map(brief), ['lost 50']);
    const [lost] = events;
    assert.match(lost?.type === 'adb-server-lost' ? lost.error : '', /took longer than 200 ms/);

    // The server comes back to life: an empty device list on the next attempt.
    server.answer = () => okay('');
    await waitFor(
      'adb-server-recovered',
      () => events.some((e) => e.type === 'adb-server-recovered'),
      5_000,
    );
    assert.deepEqual(events.map(brief), ['lost 50', 'recovered ']);
  } finally {
    await watcher.stop();
    await server.close();
  }
});
