// A phone bound elsewhere is not left alone: checked again every 30 s while plugged in, at once on
// "Check again", and every second while a takeover waits for the tap on the phone; a phone moved
// away from this computer is forgotten here and said so. The clock is the test's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BindingLookup } from './pairing-ports.js';
import { PairingOrchestrator } from './orchestrator.js';
import { RECHECK_MS, TAKEOVER_POLL_MS } from './schedule.js';
import { fakePorts } from '../../testing/scripted-pairing-ports.js';
import { manualSchedule } from '../../testing/manual-schedule.js';

function boundElsewhere() {
  const clock = manualSchedule();
  const server = { lookup: 'bound-to-another' as BindingLookup };
  const { ports, calls } = fakePorts(server);
  const states: string[] = [];
  const o = new PairingOrchestrator(ports, { schedule: clock.schedule, now: clock.now });
  o.on('change', (status) => states.push(status.state));
  o.handle({ type: 'attached', serial: 'A', state: 'device' });
  return { clock, server, ports, calls, states, o };
}

const lookups = (calls: string[]) => calls.filter((c) => c === 'lookup').length;

test('checked again every 30 s, quietly, and paired once the other computer let it go', async () => {
  const { clock, server, calls, states, o } = boundElsewhere();
  await o.settle();
  assert.equal(o.list()[0]?.state, 'bound-elsewhere');
  assert.equal(RECHECK_MS, 30_000);
  assert.deepEqual(clock.pending(), [30_000]);

  states.length = 0;
  clock.advance(29_999);
  await o.settle();
  assert.equal(lookups(calls), 1, 'not before 30 s');
  clock.advance(1);
  await o.settle();
  assert.equal(lookups(calls), 2);
  assert.deepEqual(states, [], 'a check that finds nothing new changes nothing on the card');
  assert.deepEqual(clock.pending(), [30_000], 'and the next one is 30 s later');

  server.lookup = 'unbound';
  clock.advance(30_000);
  await o.settle();
  assert.equal(o.list()[0]?.state, 'connected');
  assert.ok(calls.includes('bind'));
  assert.deepEqual(clock.pending(), [], 'a connected phone is not checked again');
});

test('"Check again" asks at once; unplugging stops the checks', async () => {
  const { clock, server, calls, o } = boundElsewhere();
  await o.settle();
  assert.equal((await o.checkAgain('A'))?.state, 'bound-elsewhere');
  assert.equal(lookups(calls), 2);
  assert.deepEqual(clock.pending(), [30_000], 'the 30 s start again from the check');
  server.lookup = 'bound-to-you';
  assert.equal((await o.checkAgain('A'))?.state, 'connected');
  o.handle({ type: 'detached', serial: 'A' });
  assert.deepEqual(clock.pending(), []);
  assert.equal(await o.checkAgain('nope'), undefined);
});

test('takeover: ticket, confirmation page on the phone, a check every second until the tap', async () => {
  const { clock, server, calls, o, ports } = boundElsewhere();
  const opened: string[] = [];
  ports.takeover = {
    ticket: async () => ({ ticket: 'sealed-ticket', expiresAt: clock.now() + 120_000 }),
    openConfirmPage: async (serial, ticket) => {
      opened.push(`${serial} ${ticket}`);
    },
  };
  await o.settle();
  const waiting = await o.takeover('A');
  assert.deepEqual(opened, ['A sealed-ticket']);
  assert.equal(waiting?.state, 'bound-elsewhere');
  assert.equal(waiting?.takeoverUntil, clock.now() + 120_000);
  assert.deepEqual(clock.pending(), [TAKEOVER_POLL_MS]);
  clock.advance(TAKEOVER_POLL_MS);
  await o.settle();
  assert.equal(lookups(calls), 2, 'not tapped yet: still bound elsewhere');
  assert.ok(o.list()[0]?.takeoverUntil, 'still waiting for the tap');
  server.lookup = 'bound-to-you'; // the person tapped "Move to this computer"
  clock.advance(TAKEOVER_POLL_MS);
  await o.settle();
  const status = o.list()[0];
  assert.equal(status?.state, 'connected');
  assert.equal(status?.takeoverUntil, undefined);
  assert.ok(calls.includes('record'), 'paired here as usual');
});

test('takeover not tapped: when the ticket expires the checks go back to every 30 s', async () => {
  const { clock, o, ports } = boundElsewhere();
  ports.takeover = {
    ticket: async () => ({ ticket: 'sealed-ticket', expiresAt: clock.now() + 3_000 }),
    openConfirmPage: async () => undefined,
  };
  await o.settle();
  await o.takeover('A');
  for (let i = 0; i < 3; i++) {
    clock.advance(TAKEOVER_POLL_MS);
    await o.settle();
  }
  assert.equal(o.list()[0]?.takeoverUntil, undefined, 'no longer waiting for a tap');
  assert.deepEqual(clock.pending(), [RECHECK_MS]);
});

test('takeover of a phone not bound elsewhere is refused', async () => {
  const { o, server } = boundElsewhere();
  server.lookup = 'bound-to-you';
  await o.settle();
  await assert.rejects(o.takeover('A'), { code: 'TAKEOVER_NOT_BOUND_ELSEWHERE' });
});

test('a phone a takeover moved away is forgotten here and told as moved', async () => {
  const forgotten: string[] = [];
  const { ports, calls } = fakePorts({ known: true });
  ports.server.movedAway = async () => true;
  ports.history.forget = (identity) => forgotten.push(identity.masked);
  const o = new PairingOrchestrator(ports, { schedule: manualSchedule().schedule });
  o.handle({ type: 'attached', serial: 'A', state: 'device' });
  await o.settle();
  const status = o.list()[0];
  assert.equal(status?.state, 'bound-elsewhere');
  assert.equal(status?.reason, 'BINDING_MOVED');
  assert.match(status?.hint ?? '', /moved to another computer/);
  assert.deepEqual(forgotten, ['****3809']);
  assert.ok(!calls.includes('session'), 'no session for a phone that is not ours');

  const lookup = fakePorts({ lookup: 'moved-away' });
  const o2 = new PairingOrchestrator(lookup.ports, { schedule: manualSchedule().schedule });
  o2.handle({ type: 'attached', serial: 'B', state: 'device' });
  await o2.settle();
  assert.equal(o2.list()[0]?.reason, 'BINDING_MOVED');
});
