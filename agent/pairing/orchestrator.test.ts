// The orchestrator under the steps a person can interrupt: unplug or pause at any step, several
// phones at once, and the capped backoff of retries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay } from './backoff.js';
import { PairingOrchestrator } from './orchestrator.js';
import { fakePorts, gate, testPhone, untilCalled } from '../../testing/scripted-pairing-ports.js';

test('unplugged while checking: gone, never bound, nothing recorded', async () => {
  const lookup = gate();
  const { ports, calls, recorded } = fakePorts({ lookupGate: lookup.promise });
  const o = new PairingOrchestrator(ports);
  o.handle({ type: 'attached', serial: 'A', state: 'device' });
  await untilCalled(calls, 'lookup');
  assert.equal(o.list()[0]?.state, 'checking');
  o.handle({ type: 'detached', serial: 'A' });
  lookup.open();
  await o.settle();
  assert.equal(o.list()[0]?.state, 'gone');
  assert.deepEqual(calls, ['identity', 'lookup']);
  assert.deepEqual(recorded, []);
});

test('unplugged while connecting: gone, and the session is not counted as a connection', async () => {
  const session = gate();
  const { ports, calls } = fakePorts({ known: true, sessionGate: session.promise });
  const o = new PairingOrchestrator(ports);
  o.handle({ type: 'attached', serial: 'A', state: 'device' });
  await untilCalled(calls, 'session');
  assert.equal(o.list()[0]?.state, 'connecting');
  o.handle({ type: 'detached', serial: 'A' });
  session.open();
  await o.settle();
  const [status] = o.list();
  assert.equal(status?.state, 'gone');
  assert.equal(status?.sessionId, undefined);
  assert.ok(!calls.includes('touch'), 'no connection is recorded for a phone that left');
});

test('paused while binding: the binding is undone and the phone waits in detected', async () => {
  const bind = gate();
  const { ports, calls, recorded } = fakePorts({ bindGate: bind.promise });
  const o = new PairingOrchestrator(ports);
  o.handle({ type: 'attached', serial: 'A', state: 'device' });
  await untilCalled(calls, 'bind');
  o.pause();
  bind.open();
  await o.settle();
  assert.equal(o.list()[0]?.state, 'detected');
  assert.equal(o.list()[0]?.reason, 'PAUSED');
  assert.ok(calls.includes('release'), 'the half-made binding is released');
  assert.deepEqual(recorded, []);
  o.resume();
  await o.settle();
  assert.equal(o.list()[0]?.state, 'connected');
});

test('several phones pair at once, each with its own identity and session', async () => {
  const other = {
    info: { ...testPhone.info, model: 'Galaxy S23', serial: 'S2' },
    identity: { kind: 'imei' as const, value: '490154203237518', masked: '****7518' },
  };
  const { ports, recorded } = fakePorts({ phones: { A: testPhone, B: other } });
  const o = new PairingOrchestrator(ports);
  o.handle({ type: 'attached', serial: 'A', state: 'device' });
  o.handle({ type: 'attached', serial: 'B', state: 'device' });
  await o.settle();
  const bySerial = Object.fromEntries(o.list().map((s) => [s.serial, s]));
  assert.equal(bySerial.A?.state, 'connected');
  assert.equal(bySerial.B?.state, 'connected');
  assert.equal(bySerial.A?.identity?.masked, '****3809');
  assert.equal(bySerial.B?.identity?.masked, '****7518');
  assert.equal(bySerial.B?.model, 'Galaxy S23');
  assert.notEqual(bySerial.A?.sessionId, bySerial.B?.sessionId);
  assert.deepEqual(recorded.sort(), ['****3809', '****7518']);
  // One phone leaving does not touch the other.
  o.handle({ type: 'detached', serial: 'A' });
  assert.equal(o.list().find((s) => s.serial === 'B')?.state, 'connected');
});

test('the retry delay doubles from its base and stops at the cap', () => {
  const delays = Array.from({ length: 8 }, (_, attempt) => backoffDelay(attempt, 1_000, 30_000));
  assert.deepEqual(delays, [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
});

test('a server that stays down is retried with capped backoff, and the state says when', async () => {
  let clock = 1_000_000;
  const { ports } = fakePorts({ serverDown: 100 });
  const o = new PairingOrchestrator(ports, { retryBaseMs: 2, retryCapMs: 8, now: () => clock });
  const retryIn: number[] = [];
  const reasons = new Set<string | undefined>();
  o.on('change', (s) => {
    if (s.state === 'failed' && s.retryAt) retryIn.push(s.retryAt - clock);
    if (s.state === 'failed') reasons.add(s.reason);
  });
  o.handle({ type: 'attached', serial: 'A', state: 'device' });
  while (retryIn.length < 6) {
    await o.settle();
    await new Promise((r) => setTimeout(r, 2));
    clock += 1;
  }
  o.stop();
  assert.deepEqual([...reasons], ['SERVER_UNREACHABLE']);
  assert.deepEqual(retryIn.slice(0, 6), [2, 4, 8, 8, 8, 8]);
});
