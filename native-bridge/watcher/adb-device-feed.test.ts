import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AdbDeviceFeed } from './adb-device-feed.js';
import { FakeTracker, FakeTrackingClient, HANG, flush } from '../../testing/scripted-tracker.js';
import { ManualTimers } from './manual-timers.js';
import type { AdbState } from '../types.js';

function setup(pollMs = 0) {
  const client = new FakeTrackingClient();
  const timers = new ManualTimers();
  const feed = new AdbDeviceFeed(client, { timers, pollMs });
  const log: string[] = [];
  feed.on('snapshot', (devices: ReadonlyMap<string, AdbState>, recovered) =>
    log.push(`snapshot${recovered ? ' recovered' : ''} ${JSON.stringify([...devices])}`),
  );
  feed.on('lost', (error, retryInMs) => log.push(`lost ${retryInMs} ${error}`));
  return { client, timers, feed, log };
}

test('each change set becomes a complete snapshot', async () => {
  const { client, feed, log } = setup();
  feed.start();
  await flush();
  client.last.send({});
  client.last.send({ S1: 'unauthorized' });
  client.last.send({ S1: 'device', S2: 'offline' });
  client.last.send({ S2: 'offline' });
  assert.deepEqual(log, [
    'snapshot []',
    'snapshot [["S1","unauthorized"]]',
    'snapshot [["S1","device"],["S2","offline"]]',
    'snapshot [["S2","offline"]]',
  ]);
  assert.ok(feed.connected);
});

test('a dead server is reported once, retried with capped backoff, then recovered', async () => {
  const { client, timers, feed, log } = setup();
  feed.start();
  await flush();
  client.last.send({ S1: 'device' });
  const first = client.last;
  client.outcomes.push('ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED');
  first.die();
  assert.ok(first.ended, 'the dead tracker is released');
  assert.ok(!feed.connected);
  assert.deepEqual(timers.delays(), [250]);
  for (const expected of [500, 1000, 2000]) {
    timers.advance(timers.delays()[0] ?? 0);
    await flush();
    assert.deepEqual(timers.delays(), [expected]);
  }
  timers.advance(2000);
  await flush();
  client.last.send({ S1: 'device', S3: 'unauthorized' });
  assert.equal(client.calls, 5);
  assert.deepEqual(log, [
    'snapshot [["S1","device"]]',
    'lost 250 the adb server connection broke (Premature end of stream, needed 4 more bytes)',
    'snapshot recovered [["S1","device"],["S3","unauthorized"]]',
  ]);
  // The backoff starts over for the next outage.
  client.last.die();
  assert.deepEqual(timers.delays(), [250]);
});

test('a server missing at start is an outage too', async () => {
  const { client, timers, feed, log } = setup();
  client.outcomes.push('ECONNREFUSED');
  feed.start();
  await flush();
  assert.deepEqual(log, ['lost 250 connect ECONNREFUSED 127.0.0.1:5037']);
  timers.advance(250);
  await flush();
  client.last.send({});
  assert.equal(log[1], 'snapshot recovered []');
});

test('a tracker that dies before its first list keeps the backoff growing', async () => {
  const { client, timers, feed } = setup();
  const t1 = new FakeTracker();
  const t2 = new FakeTracker();
  client.outcomes.push(t1, t2);
  feed.start();
  await flush();
  t1.die();
  timers.advance(250);
  await flush();
  t2.die();
  assert.deepEqual(timers.delays(), [500]);
});

test('stop ends the tracker, cancels the retry and silences late events', async () => {
  const { client, timers, feed, log } = setup();
  feed.start();
  await flush();
  const tracker = client.last;
  feed.stop();
  assert.ok(tracker.ended);
  tracker.send({ S1: 'device' });
  tracker.die();
  assert.deepEqual(log, []);
  assert.deepEqual(timers.delays(), []);
});

test('stop during a pending connect ends the tracker when it arrives', async () => {
  const { client, feed } = setup();
  feed.start();
  feed.stop();
  await flush();
  assert.ok(client.last.ended);
});

test('a list the server sent before anyone listened is still reported', async () => {
  const { client, feed, log } = setup();
  const tracker = new FakeTracker();
  tracker.send({ S1: 'device' });
  client.outcomes.push(tracker);
  feed.start();
  await flush();
  assert.deepEqual(log, ['snapshot [["S1","device"]]']);
});

test('polling reports what adb did not push to the tracker, once', async () => {
  const { client, timers, feed, log } = setup(1000);
  feed.start();
  await flush();
  client.last.send({ S1: 'device' });
  client.listing = { S1: 'offline' };
  timers.advance(1000);
  await flush();
  timers.advance(1000);
  await flush();
  assert.deepEqual(log, ['snapshot [["S1","device"]]', 'snapshot [["S1","offline"]]']);
  assert.equal(client.listCalls, 2);
});

test('a poll overtaken by a tracker list is dropped', async () => {
  const { client, timers, feed, log } = setup(1000);
  feed.start();
  await flush();
  client.last.send({});
  client.listing = { OLD: 'device' };
  timers.advance(1000); // the poll is on its way…
  client.last.send({ NEW: 'device' }); // …when the tracker brings newer news
  await flush();
  assert.deepEqual(log, ['snapshot []', 'snapshot [["NEW","device"]]']);
});

test('no polling while the server is away', async () => {
  const { client, timers, feed } = setup(1000);
  feed.start();
  await flush();
  client.last.send({});
  client.outcomes.push('ECONNREFUSED', 'ECONNREFUSED', 'ECONNREFUSED');
  client.last.die();
  for (let i = 0; i < 5; i++) {
    timers.advance(1000);
    await flush();
  }
  assert.equal(client.listCalls, 0);
});

test('a tracker that never opens is an outage too: lost at the timeout, then retried', async () => {
  const { client, timers, feed, log } = setup();
  client.outcomes.push(HANG);
  feed.start();
  await flush();
  timers.advance(9_999);
  await flush();
  assert.deepEqual(log, []);
  timers.advance(1);
  await flush();
  assert.deepEqual(log, [
    'lost 250 adb host:track-devices took longer than 10000 ms (ADB_TIMEOUT)',
  ]);
  assert.equal(client.signals[0]?.aborted, true, 'the hung connection is told to close');
  timers.advance(250);
  await flush();
  client.last.send({ S1: 'device' });
  assert.equal(log[1], 'snapshot recovered [["S1","device"]]');
});

test('a poll nobody answers counts as a lost server; polling resumes after recovery', async () => {
  const { client, timers, feed, log } = setup(1000);
  feed.start();
  await flush();
  client.last.send({ S1: 'device' });
  const first = client.last;
  client.listing = HANG;
  timers.advance(1_000);
  await flush();
  timers.advance(10_000);
  await flush();
  assert.ok(first.ended, 'the tracker of the hung server is released');
  assert.deepEqual(log.slice(1), ['lost 250 adb devices took longer than 10000 ms (ADB_TIMEOUT)']);
  client.listing = { S1: 'device' };
  timers.advance(250);
  await flush();
  client.last.send({ S1: 'device' });
  assert.equal(log[2], 'snapshot recovered [["S1","device"]]');
  const polled = client.listCalls;
  timers.advance(1_000);
  await flush();
  assert.equal(client.listCalls, polled + 1);
});
