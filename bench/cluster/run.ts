// bench/cluster: the relay on one node against two nodes sharing one local Redis, with 2,000
// sessions; in the 2-node run each session's PC is on one node and its phone on the other, so every
// message crosses nodes through Redis. Also, for reference, one node in memory (no --redis).
// Measured as bench/relay does: saturated msgs/s (every session keeps 4 messages in flight), server
// CPU per delivered message (user + system of every node process, from /proc; Redis's own CPU is
// shown apart), and p50/p99 at one fixed offered load. Goal: the 2-node run's CPU per message
// within 1.5× the 1-node run's (both on Redis), so the cost of crossing nodes is known and small.
import { once } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { connectClusterPairs, type Pair } from './cluster-pairs.js';
import { startReadyServer } from '../../testing/ready-server.js';
import { startRedis, type RedisServer } from '../../testing/redis.js';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 2000);
const OFFERED_PER_S = Number(process.env.BENCH_RATE ?? 4000);
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 5000);
const WINDOW = 4;
const PAYLOAD = 'A'.repeat(128);
const CLOCK_TICKS_PER_S = 100;
const GOAL_RATIO = 1.5;

type Setup = 'memory, 1 node' | 'redis, 1 node' | 'redis, 2 nodes';

interface Result {
  setup: Setup;
  nodes: number;
  sessions: number;
  messagesPerSecond: number;
  offeredPerSecond: number;
  deliveredAtOfferedPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU of every node process per delivered message while saturated. */
  serverCpuUsPerMessage: number;
  /** Redis's own CPU per delivered message (not in the goal: it is the shared dependency). */
  redisCpuUsPerMessage: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function cpuUs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_S;
}

const sumCpu = (pids: number[]): number => pids.reduce((sum, pid) => sum + cpuUs(pid), 0);

async function saturate(pairs: Pair[], nodePids: number[], redisPid: number | undefined) {
  let delivered = 0;
  let running = true;
  for (const pair of pairs) {
    pair.onReceive(() => {
      delivered++;
      if (running) pair.send(PAYLOAD);
    });
    for (let i = 0; i < WINDOW; i++) pair.send(PAYLOAD);
  }
  await sleep(1000); // past the first burst
  const start = performance.now();
  const before = delivered;
  const [nodes0, redis0] = [sumCpu(nodePids), redisPid ? cpuUs(redisPid) : 0];
  await sleep(PHASE_MS);
  const count = delivered - before;
  const rate = (count * 1000) / (performance.now() - start);
  const serverCpuUs = (sumCpu(nodePids) - nodes0) / count;
  const redisCpuUs = redisPid ? (cpuUs(redisPid) - redis0) / count : 0;
  running = false;
  for (let last = -1; last !== delivered;) {
    last = delivered;
    await sleep(500);
  }
  return { rate: Math.round(rate), serverCpuUs, redisCpuUs };
}

async function offered(pairs: Pair[]): Promise<{ delivered: number; p50: number; p99: number }> {
  const samples: number[] = [];
  const warmup = performance.now() + 500;
  const sent = pairs.map(() => [] as number[]);
  pairs.forEach((pair, index) => {
    let head = 0;
    pair.onReceive(() => {
      const t0 = sent[index]![head++]!;
      if (t0 >= warmup) samples.push(performance.now() - t0);
    });
  });
  const start = performance.now();
  let count = 0;
  let next = 0;
  while (performance.now() - start < PHASE_MS) {
    const due = Math.floor(((performance.now() - start) / 1000) * OFFERED_PER_S);
    for (; count < due; count++) {
      const index = next++ % pairs.length;
      sent[index]!.push(performance.now());
      pairs[index]!.send(PAYLOAD);
    }
    await sleep(2);
  }
  await sleep(1000);
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    Number(
      (samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN).toFixed(2),
    );
  return {
    delivered: Math.round(samples.length / ((PHASE_MS - 500) / 1000)),
    p50: at(0.5),
    p99: at(0.99),
  };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
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
    const saturated = await saturate(pairs, pids, redis?.pid());
    const latency = await offered(pairs);
    for (const pair of pairs) pair.close();
    return {
      setup,
      nodes,
      sessions: pairs.length,
      messagesPerSecond: saturated.rate,
      offeredPerSecond: OFFERED_PER_S,
      deliveredAtOfferedPerSecond: latency.delivered,
      p50Ms: latency.p50,
      p99Ms: latency.p99,
      serverCpuUsPerMessage: Number(saturated.serverCpuUs.toFixed(1)),
      redisCpuUsPerMessage: Number(saturated.redisCpuUs.toFixed(1)),
    };
  } finally {
    await Promise.all(children.map(stop));
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
console.log(
  'setup          | msgs/s (saturated) | node µs/msg | redis µs/msg | offered → delivered/s | p50 ms | p99 ms',
);
console.log(
  '---------------|--------------------|-------------|--------------|-----------------------|--------|-------',
);
for (const r of results) {
  console.log(
    `${r.setup.padEnd(14)} | ${String(r.messagesPerSecond).padStart(18)} | ${String(r.serverCpuUsPerMessage).padStart(11)} | ` +
      `${String(r.redisCpuUsPerMessage).padStart(12)} | ` +
      `${`${r.offeredPerSecond} → ${r.deliveredAtOfferedPerSecond}`.padStart(21)} | ${String(r.p50Ms).padStart(6)} | ${String(r.p99Ms).padStart(6)}`,
  );
}
console.log(
  `\n${met ? 'met   ' : 'MISSED'} 2-node CPU per message within ${GOAL_RATIO}× the 1-node run's (both on Redis): ${ratio}×`,
);

const dir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const file = `${dir}cluster-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(
  file,
  `${JSON.stringify({ sessions: SESSIONS, phaseMs: PHASE_MS, loadBefore, loadAfter, results, cpuRatio2to1: ratio, goalMet: met }, null, 2)}\n`,
);
console.log(`\nwrote ${file}`);
