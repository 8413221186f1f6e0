// The pairing flow end to end: real adb servers, simulated phones speaking ADB, the real pairing
// server over HTTP, real SQLite files, and `tandem agent` running as real child processes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { startPhoneSim, luhnComplete, type PhoneSim } from '../../phone-sim/index.js';
import { startPrivateAdbServer, type PrivateAdbServer } from '../../testing/adb-server.js';
import { startAgentProcess, type AgentProcess } from '../../testing/agent-process.js';
import { connectSim } from '../../testing/connect-sim.js';
import { freePort } from '../../testing/free-port.js';
import { waitFor } from '../../testing/wait.js';
import { startServer, type RunningServer } from '../../server/listen.js';
import type { PhoneStatus } from '../pairing/states.js';

const root = mkdtempSync(join(tmpdir(), 'tandem-pairing-'));
const imei = luhnComplete('35693803564380');
const imeiB = luhnComplete('86012304112233');
const dualImeis = [luhnComplete('35000011112222'), luhnComplete('35000011113333')];
let serverLog = '';
let server: RunningServer;
let serverPort: number;
const adbs: PrivateAdbServer[] = [];
const sims: PhoneSim[] = [];
const agents: AgentProcess[] = [];

async function startPairingServer(): Promise<RunningServer> {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => (serverLog += chunk.toString()));
  return startServer({
    dataDir: join(root, 'server'),
    port: serverPort,
    exposeStats: true,
    log: { stream, level: 'trace' },
  });
}

const bindRequests = () => server.app.stats.get('POST /v1/bindings');
const lookupRequests = () => server.app.stats.get('POST /v1/bindings/lookup');

before(async () => {
  serverPort = await freePort();
  server = await startPairingServer();
  for (let i = 0; i < 2; i++) adbs.push(await startPrivateAdbServer());
});

after(async () => {
  for (const agent of agents) await agent.stop();
  for (const sim of sims) await sim.close();
  for (const adb of adbs) await adb.stop();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

async function agentOn(adb: PrivateAdbServer, name: string): Promise<AgentProcess> {
  const agent = await startAgentProcess({
    dataDir: join(root, name),
    adbPort: adb.port,
    serverUrl: server.url,
  });
  agents.push(agent);
  return agent;
}

async function simWith(options: Parameters<typeof startPhoneSim>[0]): Promise<PhoneSim> {
  const sim = await startPhoneSim(options);
  sims.push(sim);
  return sim;
}

test('first plug binds and connects; the next plug is a history hit with no server request', async () => {
  const [adb1] = adbs as [PrivateAdbServer];
  const sim = await simWith({ profile: 'android-14', imei });
  const pc1 = await agentOn(adb1, 'pc1');

  await connectSim(adb1, sim);
  const first = await pc1.waitFor(sim.adbSerial, ['connected', 'failed', 'bound-elsewhere']);
  assert.equal(first.state, 'connected');
  assert.equal(first.decidedBy, 'server');
  assert.deepEqual(first.identity, { kind: 'imei', masked: `****${imei.slice(-4)}` });
  assert.equal(bindRequests(), 1);

  // Unplug, then plug again.
  await adb1.adb(['disconnect', sim.adbSerial]);
  await pc1.waitFor(sim.adbSerial, ['gone']);
  const [binds, lookups] = [bindRequests(), lookupRequests()];
  await connectSim(adb1, sim);
  const second = await pc1.waitFor(sim.adbSerial, ['connected', 'failed']);
  assert.equal(second.state, 'connected');
  assert.equal(second.decidedBy, 'history');
  assert.equal(bindRequests(), binds, 'a history hit makes no binding request');
  assert.equal(lookupRequests(), lookups, 'a history hit does not even ask the server');

  const history = JSON.parse(readFileSync(join(root, 'pc1', 'agent.json'), 'utf8')) as {
    controlUrl: string;
  };
  assert.match(history.controlUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
});

test('a phone bound to one computer is refused by another until the first releases it', async () => {
  const [adb1, adb2] = adbs as [PrivateAdbServer, PrivateAdbServer];
  const sim = sims[0] as PhoneSim;
  const pc1 = agents[0] as AgentProcess;
  const pc2 = await agentOn(adb2, 'pc2');

  await connectSim(adb2, sim);
  const refused = await pc2.waitFor(sim.adbSerial, ['bound-elsewhere', 'connected', 'failed']);
  assert.equal(refused.state, 'bound-elsewhere');
  assert.match(refused.hint, /paired with another computer/);

  // The first computer releases the phone (it is attached there), which also forgets it locally.
  const released = await pc1.call<{ released: { masked: string } }>('/api/release', {
    target: imei.slice(-4),
  });
  assert.equal(released.released.masked, `****${imei.slice(-4)}`);

  // Replug on the second computer: now it may pair.
  await adb2.adb(['disconnect', sim.adbSerial]);
  await pc2.waitFor(sim.adbSerial, ['gone']);
  await connectSim(adb2, sim);
  const paired = await pc2.waitFor(sim.adbSerial, ['connected', 'bound-elsewhere', 'failed']);
  assert.equal(paired.state, 'connected');

  // And the first computer, which forgot it, is now the one refused.
  await adb1.adb(['disconnect', sim.adbSerial]);
  await pc1.waitFor(sim.adbSerial, ['gone']);
  await connectSim(adb1, sim);
  assert.equal(
    (await pc1.waitFor(sim.adbSerial, ['bound-elsewhere', 'connected'])).state,
    'bound-elsewhere',
  );
});

test('a server restart keeps clients and bindings; agents keep their history', async () => {
  const [, adb2] = adbs as [PrivateAdbServer, PrivateAdbServer];
  const sim = sims[0] as PhoneSim;
  const pc2 = agents[1] as AgentProcess;
  const before = (await pc2.status()).devices.find((d) => d.serial === sim.adbSerial);
  assert.equal(before?.state, 'connected');
  await server.close();
  server = await startPairingServer();

  // The restart ended the live session; the agent pairs again by itself, without a replug.
  let last: PhoneStatus | undefined = before;
  const now = await waitFor(
    'a new session after the restart',
    async () => {
      last = (await pc2.status()).devices.find((d) => d.serial === sim.adbSerial);
      return last?.state === 'connected' && last.sessionId !== before?.sessionId && last;
    },
    { timeoutMs: 30_000, intervalMs: 100, detail: () => JSON.stringify(last) },
  );
  assert.equal(now.decidedBy, 'history');

  await adb2.adb(['disconnect', sim.adbSerial]);
  await pc2.waitFor(sim.adbSerial, ['gone']);
  await connectSim(adb2, sim);
  const again = await pc2.waitFor(sim.adbSerial, ['connected', 'failed', 'bound-elsewhere']);
  assert.equal(again.state, 'connected');
  assert.equal(again.decidedBy, 'history');
  // pc1's stored shadow account still authenticates after the restart: its binding look-up says
  // bound-to-another (not UNAUTHENTICATED).
  const pc1 = agents[0] as AgentProcess;
  const [adb1] = adbs as [PrivateAdbServer];
  await adb1.adb(['disconnect', sim.adbSerial]);
  await pc1.waitFor(sim.adbSerial, ['gone']);
  await connectSim(adb1, sim);
  assert.equal(
    (await pc1.waitFor(sim.adbSerial, ['bound-elsewhere', 'failed'])).state,
    'bound-elsewhere',
  );
});

test('a phone unplugged while its identity is read ends gone, leaving no history row', async () => {
  const [adb1] = adbs as [PrivateAdbServer];
  const pc1 = agents[0] as AgentProcess;
  const slow = await simWith({ profile: 'android-10', imei: imeiB, replyDelayMs: 600 });
  const [binds, lookups] = [bindRequests(), lookupRequests()];
  await connectSim(adb1, slow);
  await pc1.waitFor(slow.adbSerial, ['identifying']);
  await slow.unplug();
  await adb1.adb(['disconnect', slow.adbSerial]);
  const end = await pc1.waitFor(slow.adbSerial, ['gone']);
  assert.equal(end.state, 'gone');
  const { phones } = await pc1.get<{ phones: { masked: string }[] }>('/api/history');
  assert.ok(!phones.some((p) => p.masked === `****${imeiB.slice(-4)}`), 'no half-made history row');
  assert.equal(bindRequests(), binds, 'no binding was made for it');
  assert.equal(lookupRequests(), lookups, 'the server was never asked');
});

test('a server that is down fails with SERVER_UNREACHABLE, then pairs by itself once it is up', async () => {
  const [, adb2] = adbs as [PrivateAdbServer, PrivateAdbServer];
  const pc2 = agents[1] as AgentProcess;
  const fresh = await simWith({
    profile: 'android-12-dual',
    imei: dualImeis[0],
    imei2: dualImeis[1],
  });
  await server.close();
  await connectSim(adb2, fresh);
  const down = await pc2.waitFor(fresh.adbSerial, ['failed']);
  assert.equal(down.reason, 'SERVER_UNREACHABLE');
  assert.ok(down.retryAt, 'the state says when it retries');
  server = await startPairingServer();
  const up = await pc2.waitFor(fresh.adbSerial, ['connected'], 45_000);
  assert.equal(up.decidedBy, 'server');
});

test('the raw IMEI is in no database, WAL, key or log file, nor in any output', async () => {
  const rawImeis = [imei, imeiB, ...dualImeis];
  const scan = (when: string) => {
    const files = walk(root);
    assert.ok(
      files.some((f) => f.endsWith('-wal')),
      `${when}: the WAL files are there to scan`,
    );
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const raw of rawImeis) {
        assert.ok(!bytes.includes(Buffer.from(raw)), `${when}: ${file} holds a raw IMEI`);
        assert.ok(
          !bytes.includes(Buffer.from(raw, 'utf16le')),
          `${file} holds a raw IMEI (UTF-16)`,
        );
      }
    }
  };
  // While the agents run, their WAL files hold the latest writes; after they stop, the databases.
  scan('running');
  for (const agent of agents) await agent.stop();
  scan('stopped');
  const outputs = [serverLog, ...agents.map((a) => a.output())];
  assert.ok(
    outputs.every((o) => o.length > 0),
    'the logs were captured',
  );
  for (const text of outputs) for (const raw of rawImeis) assert.ok(!text.includes(raw));
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
