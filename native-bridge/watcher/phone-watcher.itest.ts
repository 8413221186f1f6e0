// The phone watcher against a real private adb server and the phone sim: attach, authorization,
// unplug/replug, and the adb server killed mid-run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startPhoneSim, type PhoneSim } from '../../testing/simulated-phone.js';
import { startPrivateAdbServer, type PrivateAdbServer } from '../../testing/adb-server.js';
import { connectSim } from '../../testing/connect-sim.js';
import { waitFor } from '../../testing/wait.js';
import type { PhoneEvent } from '../types.js';
import { PhoneWatcher } from './phone-watcher.js';

let adb: PrivateAdbServer;
let watcher: PhoneWatcher;
const events: PhoneEvent[] = [];
const sims: PhoneSim[] = [];

before(async () => {
  adb = await startPrivateAdbServer();
  watcher = new PhoneWatcher({
    port: adb.port,
    adbPath: adb.adbPath,
    usb: false,
    // The app's default: the watcher brings a killed server back itself.
    startServer: true,
    retry: { initialMs: 100, maxMs: 1_000 },
    pollMs: 200,
  });
  watcher.on('event', (event) => events.push(event));
  await watcher.start();
});

after(async () => {
  await watcher?.stop();
  for (const sim of sims) await sim.close();
  // kill-server also ends a server the watcher started after the kill.
  await adb?.stop();
});

/** Resolves with the first event since `from` that matches, or fails after `timeoutMs`. */
const nextEvent = (
  description: string,
  match: (event: PhoneEvent) => boolean,
  from = 0,
  timeoutMs = 10_000,
) =>
  waitFor(`a ${description} event`, () => events.slice(from).find(match), {
    timeoutMs,
    intervalMs: 25,
    detail: () => `got ${JSON.stringify(events.slice(from))}`,
  });

const about = (serial: string) => (e: PhoneEvent) => 'serial' in e && e.serial === serial;
/** An attached or state event that puts `serial` in `state`. */
const reaches = (serial: string, state: string) => (e: PhoneEvent) =>
  (e.type === 'attached' || e.type === 'state') && e.serial === serial && e.state === state;

async function newSim(unauthorized = false): Promise<PhoneSim> {
  const sim = await startPhoneSim({ port: 0, unauthorized });
  sims.push(sim);
  return sim;
}

// adb 29 registers a new phone `offline` while the handshake runs, then `device`: the watcher
// reports exactly that, `attached` (offline) then `state` (device), a few milliseconds apart.
test('a phone attaches and reaches device, goes offline on unplug and comes back on replug', async () => {
  const sim = await newSim();
  const mark = events.length;
  await connectSim(adb, sim);
  const first = await nextEvent('attached', about(sim.adbSerial), mark);
  assert.equal(first.type, 'attached');
  await nextEvent('device', reaches(sim.adbSerial, 'device'), mark);
  assert.deepEqual(
    watcher.devices().find((d) => d.serial === sim.adbSerial),
    { serial: sim.adbSerial, state: 'device' },
  );

  // adb 29 keeps an unplugged network phone listed `offline` (and does not tell trackers: the
  // watcher's poll sees it). A USB phone would be removed: `detached`.
  const unplugged = events.length;
  await sim.unplug();
  const left = await nextEvent('offline', about(sim.adbSerial), unplugged);
  assert.deepEqual(left, {
    type: 'state',
    serial: sim.adbSerial,
    state: 'offline',
    previous: 'device',
  });

  // connectSim drops the stale entry and connects again: detached, then attached and device.
  const replugged = events.length;
  await sim.replug();
  await connectSim(adb, sim);
  await nextEvent('detached', (e) => about(sim.adbSerial)(e) && e.type === 'detached', replugged);
  await nextEvent('device again', reaches(sim.adbSerial, 'device'), replugged);
});

test('an unauthorized phone is reported, then device once the person allows debugging', async () => {
  const sim = await newSim(true);
  const mark = events.length;
  await connectSim(adb, sim, { expect: 'unauthorized' });
  await nextEvent('unauthorized', reaches(sim.adbSerial, 'unauthorized'), mark);
  const asked = events.length;
  sim.accept();
  const change = await nextEvent('device', reaches(sim.adbSerial, 'device'), asked);
  assert.deepEqual(change, {
    type: 'state',
    serial: sim.adbSerial,
    state: 'device',
    previous: 'unauthorized',
  });
});

test('a killed adb server is reported lost, restarted by the watcher, then recovered', async () => {
  const sim = await newSim();
  await connectSim(adb, sim);
  await nextEvent('device', reaches(sim.adbSerial, 'device'));
  const mark = events.length;
  await adb.kill();

  const lost = await nextEvent('adb-server-lost', (e) => e.type === 'adb-server-lost', mark);
  assert.equal(lost.type === 'adb-server-lost' && lost.retryInMs, 100);
  const recovered = await nextEvent('recovered', (e) => e.type === 'adb-server-recovered', mark);
  // A fresh adb server has forgotten every `adb connect`: the diff reports the phone gone.
  assert.ok(
    recovered.type === 'adb-server-recovered' && !recovered.serials.includes(sim.adbSerial),
  );
  await nextEvent('detached', (e) => about(sim.adbSerial)(e) && e.type === 'detached', mark);

  const again = events.length;
  await connectSim(adb, sim);
  await nextEvent('re-attached', (e) => about(sim.adbSerial)(e) && e.type === 'attached', again);
  await nextEvent('device again', reaches(sim.adbSerial, 'device'), again);
});
