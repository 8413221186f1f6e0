// A normal plug shows no error code, and stopping the agent is not an unplug.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PairingOrchestrator } from './orchestrator.js';
import { PhonePairing } from './phone-pairing.js';
import type { PhoneStatus } from './states.js';
import { fakePorts } from '../../testing/scripted-pairing-ports.js';
import { waitFor } from '../../testing/wait.js';

test('adb listing a phone offline while it connects is a normal plug: no DEVICE_OFFLINE', async () => {
  const { ports } = fakePorts({ known: true });
  const o = new PairingOrchestrator(ports);
  const reasons: (string | undefined)[] = [];
  o.on('change', (status: PhoneStatus) => reasons.push(status.reason));
  o.handle({ type: 'attached', serial: 'A', state: 'offline' });
  assert.equal(o.list()[0]?.state, 'detected');
  assert.equal(o.list()[0]?.reason, undefined);
  o.handle({ type: 'state', serial: 'A', state: 'device', previous: 'offline' });
  await o.settle();
  assert.equal(o.list()[0]?.state, 'connected');
  assert.deepEqual(
    reasons.filter((r) => r !== undefined),
    [],
    'no reason on any step of a normal plug',
  );
});

test('a phone that stays offline is told after the grace time, with its code', async () => {
  const { ports } = fakePorts();
  const seen: PhoneStatus[] = [];
  const phone = new PhonePairing('A', ports, (s) => seen.push(s), undefined, 20);
  phone.waitForDevice('offline');
  assert.equal(phone.status().reason, undefined);
  await waitFor('DEVICE_OFFLINE after the grace', () => phone.status().reason === 'DEVICE_OFFLINE');
  assert.equal(phone.status().state, 'detected');
});

test('stopping the agent is told apart from an unplug', async () => {
  const { ports } = fakePorts({ known: true });
  const o = new PairingOrchestrator(ports);
  o.handle({ type: 'attached', serial: 'A', state: 'device' });
  await o.settle();
  const stoppingWhenGone: boolean[] = [];
  o.on('change', (s: PhoneStatus) => s.state === 'gone' && stoppingWhenGone.push(o.stopping));
  o.handle({ type: 'attached', serial: 'B', state: 'device' });
  await o.settle();
  o.handle({ type: 'detached', serial: 'B' });
  assert.equal(o.stopping, false);
  o.stop();
  assert.deepEqual(stoppingWhenGone, [false, true], 'an unplug, then the shutdown');
});
