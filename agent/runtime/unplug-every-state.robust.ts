// Fault injection: the phone is unplugged at each pairing state it passes through. A fresh simulated
// phone per state (a phone the agent has paired before is decided from history and skips
// `checking`/`binding`) is held in that state — unauthorized by the phone, identifying by a slow
// shell, checking/binding/connecting by a proxy holding that pairing-server call — then unplugged.
// The agent must show `gone` with no session, not crash, and pair the replugged phone to
// `connected` with exactly one history record. Real parts: `tandem agent` child process, the
// pairing server on 127.0.0.1, a private adb server, simulated phones.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { luhnComplete, type PhoneSim } from '../../phone-sim/index.js';
import { startAgentProcess, type AgentProcess } from '../../testing/agent-process.js';
import { connectSim } from '../../testing/connect-sim.js';
import { startHoldingProxy, type HoldingProxy } from '../../testing/holding-proxy.js';
import { useSimRig } from '../../testing/sim-rig.js';
import { startServer, type RunningServer } from '../../server/listen.js';
import type { PairingState } from '../pairing/states.js';

const root = mkdtempSync(join(tmpdir(), 'tandem-unplug-'));
let server: RunningServer;
let proxy: HoldingProxy;
let agent: AgentProcess;

const rig = useSimRig(async ({ adb }) => {
  server = await startServer({ dataDir: join(root, 'server'), host: '127.0.0.1', port: 0 });
  proxy = await startHoldingProxy(server.url);
  agent = await startAgentProcess({
    dataDir: join(root, 'agent'),
    adbPort: adb.port,
    serverUrl: proxy.url,
  });
});
rig.onStop(() => agent?.stop());
// After the phones and adb: the pairing server and its proxy, then the folder.
after(async () => {
  await proxy?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

interface Case {
  state: PairingState;
  /** Holds the phone in `state`; the returned function lets it go on. */
  hold(sim: PhoneSim): () => void;
  unauthorized?: boolean;
}

const holdCall = (path: string) => () => {
  proxy.hold(path);
  return () => proxy.release();
};

const cases: Case[] = [
  { state: 'unauthorized', unauthorized: true, hold: (sim) => () => sim.accept() },
  {
    state: 'identifying',
    hold: (sim) => {
      sim.setReplyDelay(60_000);
      return () => sim.setReplyDelay(0);
    },
  },
  { state: 'checking', hold: holdCall('/v1/bindings/lookup') },
  { state: 'binding', hold: holdCall('/v1/bindings') },
  { state: 'connecting', hold: holdCall('/v1/sessions') },
  { state: 'connected', hold: () => () => undefined },
];

cases.forEach((c, index) => {
  test(`unplugged while ${c.state}: gone with no session, then paired again on replug`, async () => {
    const imei = luhnComplete(`3569380356${String(index).padStart(4, '0')}`);
    // Each phone has a localhost of its own: the agent reverses the (loopback) server's port on
    // every phone it pairs, and the sims before this one still hold theirs.
    const reverseHost = `127.0.0.${3 + index}`;
    const { adb } = rig;
    const sim = await rig.startSim({
      profile: 'android-14',
      imei,
      unauthorized: c.unauthorized,
      reverseHost,
    });
    const sessionsBefore = server.app.relay.stats().sessions;
    const letGo = c.hold(sim);
    await connectSim(adb, sim, { expect: c.unauthorized ? 'unauthorized' : 'device' });
    const held = await agent.waitFor(sim.adbSerial, [c.state], 20_000);
    assert.equal(held.state, c.state);

    await sim.unplug();
    await adb.adb(['disconnect', sim.adbSerial]).catch(() => '');
    const gone = await agent.waitFor(sim.adbSerial, ['gone'], 15_000);
    assert.equal(gone.sessionId, undefined, 'no session left for an unplugged phone');

    letGo();
    await sim.replug();
    await connectSim(adb, sim);
    const back = await agent.waitFor(sim.adbSerial, ['connected'], 30_000);
    assert.ok(back.sessionId, 'connected with a session');
    console.log(
      `# ${c.state}: relay sessions ${sessionsBefore} -> ${server.app.relay.stats().sessions}`,
    );

    const history = await agent.get<{ phones: { masked: string; timesConnected: number }[] }>(
      '/api/history',
    );
    const records = history.phones.filter((p) => p.masked === back.identity?.masked);
    assert.equal(records.length, 1, 'one history record for this phone');
    const devices = (await agent.status()).devices.filter((d) => d.serial === sim.adbSerial);
    assert.equal(devices.length, 1, 'the phone is listed once');
    assert.ok(!agent.output().includes(imei), 'the raw IMEI is nowhere in the agent output');
  });
});
