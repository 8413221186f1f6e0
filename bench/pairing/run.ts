// bench/pairing: from adb's `device` state to the pairing decision and to `connected`, for a
// history hit and for a first-time bind, over many plug cycles of a simulated phone on a real adb
// server, with the agent and its embedded pairing server in this process. Identity-read time is
// reported on its own: the goals are measured after it. Then the store part (store-load.ts): bind
// and lookup p50/p99 at 200 concurrent clients on SQLite and on PostgreSQL, side by side.
// BENCH_PAIRING=store runs only the store part, BENCH_PAIRING=plug only the plug cycles.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAgent } from '../../agent/runtime/start-agent.js';
import type { PhoneStatus } from '../../agent/pairing/states.js';
import { startPhoneSim, luhnComplete } from '../../phone-sim/index.js';
import { startPrivateAdbServer } from '../../testing/adb-server.js';
import { waitForPhoneState } from '../../testing/wait-state.js';
import { connectSim } from '../../testing/connect-sim.js';
import { printTable, round, summarize, writeResults } from '../support/results.js';
import { runStoreLoad } from './store-load.js';

const cycles = Number(process.env.BENCH_CYCLES ?? 50);
const imei = luhnComplete('35693803564380');

interface Sample {
  identityMs: number;
  decisionAfterIdentityMs: number;
  connectedAfterIdentityMs: number;
  deviceToDecisionMs: number;
  deviceToConnectedMs: number;
}

function sampleOf(status: PhoneStatus): Sample {
  const t = status.timings ?? {};
  const [device, identity, decision, connected] = [
    t.deviceAt,
    t.identityAt,
    t.decisionAt,
    t.connectedAt,
  ].map(Number);
  return {
    identityMs: (identity as number) - (device as number),
    decisionAfterIdentityMs: (decision as number) - (identity as number),
    connectedAfterIdentityMs: (connected as number) - (identity as number),
    deviceToDecisionMs: (decision as number) - (device as number),
    deviceToConnectedMs: (connected as number) - (device as number),
  };
}

async function main(): Promise<void> {
  const part = process.env.BENCH_PAIRING ?? 'all';
  const plugs = part === 'store' ? undefined : await plugCycles();
  const store = part === 'plug' ? [] : await runStoreLoad();
  if (store.length > 0) {
    console.log('bench/pairing store: HTTP bind and lookup, concurrent clients, times in ms');
    printTable(
      ['store', 'clients', 'op', 'n', 'p50', 'p99', 'max', 'per s'],
      store.map((r) => [r.store, r.clients, r.op, r.n, r.p50, r.p99, r.max, r.perSecond]),
    );
  }
  const path = writeResults('pairing', {
    ...plugs,
    store,
    at: new Date().toISOString(),
    node: process.version,
  });
  console.log(`written ${path}`);
}

async function plugCycles() {
  process.env.TANDEM_LOG_LEVEL ??= 'warn';
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-pairing-'));
  const adb = await startPrivateAdbServer();
  const sim = await startPhoneSim({ profile: 'android-14', imei });
  const agent = await startAgent({
    dataDir,
    adbPort: adb.port,
    usb: false,
    startAdbServer: false,
    browser: 'off',
  });
  const samples: Record<'first-time' | 'history', Sample[]> = { 'first-time': [], history: [] };
  try {
    for (let i = 0; i < cycles * 2; i++) {
      const kind = i % 2 === 0 ? 'first-time' : 'history';
      const connected = waitForPhoneState(agent.orchestrator, sim.adbSerial, [
        'connected',
        'failed',
        'bound-elsewhere',
      ]);
      await connectSim(adb, sim);
      const status = await connected;
      if (status.state !== 'connected')
        throw new Error(`cycle ${i}: ${status.state} ${status.reason ?? ''}`);
      if (status.decidedBy !== (kind === 'history' ? 'history' : 'server')) {
        throw new Error(`cycle ${i}: expected a ${kind} decision, got ${status.decidedBy}`);
      }
      samples[kind].push(sampleOf(status));
      // After a history cycle, release (server) and forget (local) so the next plug is first-time.
      if (kind === 'history') await agent.control.release(sim.adbSerial);
      const gone = waitForPhoneState(agent.orchestrator, sim.adbSerial, ['gone']);
      await adb.adb(['disconnect', sim.adbSerial]);
      await gone;
      process.stderr.write(`\rplug cycles: ${i + 1}/${cycles * 2}`);
    }
    process.stderr.write('\n');
  } finally {
    await agent.stop();
    await sim.close();
    await adb.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const report = Object.fromEntries(
    Object.entries(samples).map(([kind, list]) => [
      kind,
      {
        identityRead: summarize(list.map((s) => s.identityMs)),
        decisionAfterIdentity: summarize(list.map((s) => s.decisionAfterIdentityMs)),
        connectedAfterIdentity: summarize(list.map((s) => s.connectedAfterIdentityMs)),
        deviceToDecision: summarize(list.map((s) => s.deviceToDecisionMs)),
        deviceToConnected: summarize(list.map((s) => s.deviceToConnectedMs)),
      },
    ]),
  ) as unknown as Record<'first-time' | 'history', Record<string, ReturnType<typeof summarize>>>;

  const rows: (string | number)[][] = [];
  for (const [kind, metrics] of Object.entries(report)) {
    for (const [metric, s] of Object.entries(metrics))
      rows.push([kind, metric, s.n, s.p50, s.p95, s.max]);
  }
  console.log(`bench/pairing: ${cycles} plug cycles of each kind, loopback, times in ms`);
  printTable(['kind', 'metric', 'n', 'p50', 'p95', 'max'], rows);
  const goals = {
    historyDecisionP50AfterIdentityMs: {
      goal: 20,
      measured: report.history.decisionAfterIdentity?.p50,
    },
    firstTimeDecisionP50AfterIdentityMs: {
      goal: 50,
      measured: report['first-time'].decisionAfterIdentity?.p50,
    },
  };
  for (const [name, g] of Object.entries(goals)) {
    console.log(
      `${name}: ${g.measured} ms (goal ≤ ${g.goal} ms) ${(g.measured ?? Infinity) <= g.goal ? 'MET' : 'MISSED'}`,
    );
  }
  console.log(`${round(cycles * 2)} plugs`);
  return { cycles, report, goals };
}

await main();
