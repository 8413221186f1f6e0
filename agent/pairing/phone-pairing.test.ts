import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PairingOrchestrator } from './orchestrator.js';
import type { BindingLookup, PairingPorts } from './ports.js';
import type { IdentifiedPhone, PhoneIdentity } from '../../native-bridge/types.js';
import type { PairingState } from './states.js';

const phone: IdentifiedPhone = {
  info: {
    model: 'Pixel 8',
    manufacturer: 'Google',
    brand: 'google',
    release: '14',
    sdk: 34,
    serial: 'S1',
  },
  identity: { kind: 'imei', value: '356938035643809', masked: '****3809' },
};

/** Ports whose behaviour each test sets; records every call so tests can assert on the flow. */
function fakePorts(
  overrides: Partial<{
    known: boolean;
    lookup: BindingLookup;
    bind: 'bound' | 'conflict';
    serverDown: number;
    bindGate: Promise<void>;
  }> = {},
) {
  const calls: string[] = [];
  let serverDown = overrides.serverDown ?? 0;
  const recorded: string[] = [];
  const ports: PairingPorts = {
    readIdentity: async () => {
      calls.push('identity');
      return phone;
    },
    history: {
      isKnown: () => overrides.known ?? false,
      recordPaired: (p) => {
        recorded.push(p.identity.masked);
        calls.push('record');
      },
      touchConnected: () => calls.push('touch'),
    },
    server: {
      lookup: async () => {
        calls.push('lookup');
        if (serverDown > 0) {
          serverDown -= 1;
          throw Object.assign(new Error('down'), { code: 'SERVER_UNREACHABLE' });
        }
        return overrides.lookup ?? 'unbound';
      },
      bind: async (_identity: PhoneIdentity) => {
        calls.push('bind');
        await overrides.bindGate;
        return overrides.bind ?? 'bound';
      },
      release: async () => {
        calls.push('release');
      },
      createSession: async () => {
        calls.push('session');
        return { sessionId: 'sess-1' };
      },
    },
  };
  return { ports, calls, recorded };
}

function statesOf(orchestrator: PairingOrchestrator): PairingState[] {
  const seen: PairingState[] = [];
  orchestrator.on('change', (s) => seen.push(s.state));
  return seen;
}

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
