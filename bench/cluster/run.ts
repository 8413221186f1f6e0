// bench/cluster: the relay on one node against two nodes sharing one local Redis, with 2,000
// sessions; in the 2-node run each session's PC is on one node and its phone on the other, so every
// message crosses nodes through Redis. Also, for reference, one node in memory (no --redis).
// Measured as bench/relay does: saturated msgs/s (every session keeps 4 messages in flight), server
// CPU per delivered message (user + system of every node process, from /proc; Redis's own CPU is
// shown apart), and p50/p99 at one fixed offered load. Goal: the 2-node run's CPU per message
// within 1.5× the 1-node run's (both on Redis), so the cost of crossing nodes is known and small.
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { connectClusterPairs, type Pair } from './cluster-pairs.js';
import {
  cpuUs,
  offered,
  phaseFields,
  saturate,
  sleep,
  stopChild,
  type PhaseFields,
} from '../support/load-phases.js';
import { printPipeTable, writeStampedResults } from '../support/pipe-table.js';
import { startReadyServer } from '../../testing/ready-server.js';
import { startRedis, type RedisServer } from '../../testing/redis.js';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 2000);
const OFFERED_PER_S = Number(process.env.BENCH_RATE ?? 4000);
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 5000);
const WINDOW = 4;
const PAYLOAD = 'A'.repeat(128);
const GOAL_RATIO = 1.5;

type Setup = 'memory, 1 node' | 'redis, 1 node' | 'redis, 2 nodes';

interface Result extends PhaseFields {
  setup: Setup;
  nodes: number;
  sessions: number;
  /** Redis's own CPU per delivered message (not in the goal: it is the shared dependency). */
  redisCpuUsPerMessage: number;
}

const PHASE = { payload: PAYLOAD, phaseMs: PHASE_MS };

const sumCpu = (pids: number[]): number => pids.reduce((sum, pid) => sum + cpuUs(pid), 0);

/** Saturated, with the CPU of every node process and of Redis per delivered message. */
function saturateNodes(pairs: Pair[], nodePids: number[], redisPid: number | undefined) {
  let nodes0 = 0;
  let redis0 = 0;
  return saturate(
    pairs,
    { ...PHASE, window: WINDOW, warmupMs: 1000 },
    {
      start: () => ([nodes0, redis0] = [sumCpu(nodePids), redisPid ? cpuUs(redisPid) : 0]),
      finish: (count) => ({
        serverCpuUs: (sumCpu(nodePids) - nodes0) / count,
        redisCpuUs: redisPid ? (cpuUs(redisPid) - redis0) / count : 0,
      }),
    },
  );
}

async function measure(setup: Setup): Promise<Result> {
  const nodes = setup === 'redis, 2 nodes' ? 2 : 1;
  const redis: RedisServer | undefined = setup.startsWith('redis') ? await startRedis() : undefined;
  const entry = fileURLToPath(new URL('./node-process.ts', import.meta.url));
  const children: ChildProcess[] = [];
  try {
    const bases: string[] = [];
    for (let n = 1; n <= nodes; n++) {
      const { child, port } = await startReadyServer(entry, [redis?.url ?? 'memory', `n${n}`]);
      children.push(child);
      bases.push(`127.0.0.1:${port}`);
    }
    const pairs = await connectClusterPairs(bases, SESSIONS);
    await sleep(1000);
    const pids = children.map((child) => child.pid!);
    const saturated = await saturateNodes(pairs, pids, redis?.pid());
    const latency = await offered(pairs, { ...PHASE, offeredPerS: OFFERED_PER_S });
    for (const pair of pairs) pair.close();
    return {
      setup,
      nodes,
      sessions: pairs.length,
      ...phaseFields(saturated, latency, OFFERED_PER_S),
      redisCpuUsPerMessage: Number(saturated.redisCpuUs.toFixed(1)),
    };
  } finally {
    await Promise.all(children.map(stopChild));
    await redis?.stop();
  }
}

const load = (): number[] => loadavg().map((l) => Number(l.toFixed(2)));
const loadBefore = load();
const results: Result[] = [];
for (const setup of ['memory, 1 node', 'redis, 1 node', 'redis, 2 nodes'] as const) {
  process.stderr.write(`bench/cluster: ${setup}, ${SESSIONS} sessions…\n`);
  results.push(await measure(setup));
}
const loadAfter = load();
const [, one, two] = results as [Result, Result, Result];
const ratio = Number((two.serverCpuUsPerMessage / one.serverCpuUsPerMessage).toFixed(2));
const met = ratio <= GOAL_RATIO;

console.log(
  `\nCluster benchmark: ${SESSIONS} sessions, payload ${PAYLOAD.length} B, ${PHASE_MS} ms phases`,
);
console.log(`load average ${loadBefore.join(' ')} before, ${loadAfter.join(' ')} after`);
printPipeTable(
  [
    ['setup', 14],
    ['msgs/s (saturated)', 18],
    ['node µs/msg', 11],
    ['redis µs/msg', 12],
    ['offered → delivered/s', 21],
    ['p50 ms', 6],
    ['p99 ms', 6],
  ],
  results.map((r) => [
    r.setup,
    r.messagesPerSecond,
    r.serverCpuUsPerMessage,
    r.redisCpuUsPerMessage,
    `${r.offeredPerSecond} → ${r.deliveredAtOfferedPerSecond}`,
    r.p50Ms,
    r.p99Ms,
  ]),
);
console.log(
  `\n${met ? 'met   ' : 'MISSED'} 2-node CPU per message within ${GOAL_RATIO}× the 1-node run's (both on Redis): ${ratio}×`,
);

writeStampedResults('cluster', {
  sessions: SESSIONS,
  phaseMs: PHASE_MS,
  loadBefore,
  loadAfter,
  results,
  cpuRatio2to1: ratio,
  goalMet: met,
});
