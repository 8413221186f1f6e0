// The liveness watch of the pairing server: a connected phone turns `failed (SERVER_UNREACHABLE)`
// when the server stops answering, nothing retries or logs every second meanwhile, and the phone
// pairs again by itself once the server answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForPhoneState } from '../../testing/wait-state.js';
import { PairingOrchestrator } from './orchestrator.js';
import { ServerLiveness } from './server-liveness.js';
import { fakePorts } from '../../testing/scripted-pairing-ports.js';

function rig() {
  let serverUp = true;
  let probes = 0;
  const probeWaiters: { at: number; resolve: () => void }[] = [];
  const logs: string[] = [];
  const { ports, calls } = fakePorts({ known: true });
  const o = new PairingOrchestrator(ports, { retryBaseMs: 1, retryCapMs: 2 });
  const liveness = new ServerLiveness({
    probe: async () => {
      probes += 1;
      for (const w of probeWaiters.filter((w) => probes >= w.at)) w.resolve();
      if (!serverUp) throw Object.assign(new Error('refused'), { code: 'SERVER_UNREACHABLE' });
    },
    active: () => o.needsServer(),
    onDown: () => o.serverUnreachable(),
    onUp: () => o.serverReachable(),
    log: {
      warn: (...a: unknown[]) => logs.push(`warn ${String(a.at(-1))}`),
      info: (...a: unknown[]) => logs.push(`info ${String(a.at(-1))}`),
    } as never,
    intervalMs: 5,
    confirmMs: 2,
  });
  // The watch's timers are unref'd (they never hold the agent open): this one holds the test.
  const moreProbes = (n: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`fewer than ${n} more probes`)), 5_000);
      probeWaiters.push({ at: probes + n, resolve: () => (clearTimeout(timer), resolve()) });
    });
  return {
    o,
    calls,
    logs,
    liveness,
    moreProbes,
    setUp: (up: boolean) => (serverUp = up),
  };
}

test('the server stops answering: connected → failed (SERVER_UNREACHABLE), then connected again', async () => {
  const { o, calls, logs, liveness, moreProbes, setUp } = rig();
  liveness.start();
  o.handle({ type: 'attached', serial: 'A', state: 'device' });
  await waitForPhoneState(o, 'A', ['connected'], 5_000);
  const sessionsBefore = calls.filter((c) => c === 'session').length;

  setUp(false);
  const failed = await waitForPhoneState(o, 'A', ['failed'], 5_000);
  assert.equal(failed.reason, 'SERVER_UNREACHABLE');
  assert.equal(failed.sessionId, undefined, 'the session on the dead server is gone');
  assert.equal(liveness.down, true);

  // While it stays down: probes go on, but no pairing flow runs and nothing more is logged.
  const callsWhileDown = calls.length;
  await moreProbes(20);
  assert.equal(calls.length, callsWhileDown, 'no retry storm while the server is down');
  assert.equal(o.list()[0]?.state, 'failed');
  assert.equal(o.list()[0]?.retryAt, undefined);
  assert.equal(logs.filter((l) => l.startsWith('warn')).length, 1, `logged once: ${logs}`);

  setUp(true);
  const back = await waitForPhoneState(o, 'A', ['connected'], 5_000);
  assert.ok(back.sessionId, 'a new session');
  assert.equal(calls.filter((c) => c === 'session').length, sessionsBefore + 1);
  assert.equal(logs.filter((l) => l.startsWith('info')).length, 1);
  liveness.stop();
  o.stop();
});

test('an idle agent (no phone) sends no probe', async () => {
  const { liveness, moreProbes, o } = rig();
  liveness.start();
  const probed = moreProbes(1);
  const raced = await Promise.race([
    probed.then(
      () => 'probed',
      () => 'quiet',
    ),
    new Promise((r) => setTimeout(r, 100, 'quiet')),
  ]);
  assert.equal(raced, 'quiet');
  liveness.stop();
  o.stop();
});
