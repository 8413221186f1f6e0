import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PairingOrchestrator } from './orchestrator.js';
import { fakePorts, statesOf } from '../../testing/scripted-pairing-ports.js';

test('a history hit connects without asking the server', async () => {
  const { ports, calls } = fakePorts({ known: true });
  const o = new PairingOrchestrator(ports);
  const seen = statesOf(o);
  o.handle({ type: 'attached', serial: 'A', state: 'device' });
  await o.settle();
  assert.deepEqual(calls, ['identity', 'session', 'touch']);
  assert.deepEqual(seen, ['identifying', 'connecting', 'connected']);
  assert.equal(o.list()[0]?.decidedBy, 'history');
});

test('an unknown, unbound phone is bound, recorded, then connected', async () => {
  const { ports, calls } = fakePorts();
  const o = new PairingOrchestrator(ports);
  const seen = statesOf(o);
  o.handle({ type: 'attached', serial: 'A', state: 'device' });
  await o.settle();
  assert.deepEqual(calls, ['identity', 'lookup', 'bind', 'record', 'session', 'touch']);
  assert.deepEqual(seen, ['identifying', 'checking', 'binding', 'connecting', 'connected']);
});

test('a phone bound to another computer is left alone', async () => {
  const { ports, calls } = fakePorts({ lookup: 'bound-to-another' });
  const o = new PairingOrchestrator(ports);
  o.handle({ type: 'attached', serial: 'A', state: 'device' });
  await o.settle();
  assert.deepEqual(calls, ['identity', 'lookup']);
  assert.equal(o.list()[0]?.state, 'bound-elsewhere');
  assert.match(o.list()[0]?.hint ?? '', /another computer/);
});

test('losing the bind race ends in bound-elsewhere and records nothing', async () => {
  const { ports, recorded } = fakePorts({ bind: 'conflict' });
  const o = new PairingOrchestrator(ports);
  o.handle({ type: 'attached', serial: 'A', state: 'device' });
  await o.settle();
  assert.equal(o.list()[0]?.state, 'bound-elsewhere');
  assert.deepEqual(recorded, []);
});

test('unplugged while binding: the binding is released and no history is written', async () => {
  let open!: () => void;
  const bindGate = new Promise<void>((resolve) => (open = resolve));
  const { ports, calls, recorded } = fakePorts({ bindGate });
  const o = new PairingOrchestrator(ports);
  o.handle({ type: 'attached', serial: 'A', state: 'device' });
  while (!calls.includes('bind')) await new Promise((r) => setImmediate(r));
  o.handle({ type: 'detached', serial: 'A' });
  open();
  await o.settle();
  assert.equal(o.list()[0]?.state, 'gone');
  assert.ok(calls.includes('release'), 'the half-made binding is released');
  assert.deepEqual(recorded, []);
});

test('a server that is down fails with a reason, then retries and connects', async () => {
  const { ports } = fakePorts({ serverDown: 2 });
  const o = new PairingOrchestrator(ports, { retryBaseMs: 5, retryCapMs: 20 });
  const seen = statesOf(o);
  const reasons = new Set<string | undefined>();
  o.on('change', (s) => reasons.add(s.reason));
  o.handle({ type: 'attached', serial: 'A', state: 'device' });
  while (o.list()[0]?.state !== 'connected') {
    await o.settle();
    await new Promise((r) => setTimeout(r, 5));
  }
  assert.equal(seen.filter((s) => s === 'checking').length, 3, 'two failed attempts, then success');
  assert.ok(seen.includes('failed'));
  assert.ok(reasons.has('SERVER_UNREACHABLE'));
  o.stop();
});

test('unauthorized, then device: waits, then pairs', async () => {
  const { ports } = fakePorts({ known: true });
  const o = new PairingOrchestrator(ports);
  o.handle({ type: 'attached', serial: 'A', state: 'unauthorized' });
  assert.equal(o.list()[0]?.state, 'unauthorized');
  assert.match(o.list()[0]?.hint ?? '', /Allow USB debugging/);
  o.handle({ type: 'state', serial: 'A', state: 'device', previous: 'unauthorized' });
  await o.settle();
  assert.equal(o.list()[0]?.state, 'connected');
});

test('paused: a plugged phone waits in detected until resumed', async () => {
  const { ports, calls } = fakePorts({ known: true });
  const o = new PairingOrchestrator(ports, { paused: true });
  o.handle({ type: 'attached', serial: 'A', state: 'device' });
  await o.settle();
  assert.equal(o.list()[0]?.state, 'detected');
  assert.equal(o.list()[0]?.reason, 'PAUSED');
  assert.deepEqual(calls, []);
  o.resume();
  await o.settle();
  assert.equal(o.list()[0]?.state, 'connected');
});
