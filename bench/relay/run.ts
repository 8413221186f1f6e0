// bench/relay: the Tandem relay next to a minimal socket.io rooms relay and a raw `ws` echo, each in
// its own server process on loopback, with thousands of paired sessions: RSS per idle connection,
// saturated messages/s, server CPU per message, and p50/p99 latency at one fixed offered load.
// Fair by construction: one harness (raw `ws`) and one 128 B payload for all three, in-order
// delivery everywhere; Tandem alone also acknowledges both hops and keeps each message until the
// receiver acks it, so its numbers include work the others skip. All three servers and the
// generator run the same `ws`, with the optional `bufferutil` (native masking) where it installed;
// `WS_NO_BUFFER_UTIL=1` measures them all without it. The load average is recorded: on a shared
// machine, compare runs by their spread, and CPU per message over msgs/s. Goals, all from one run:
// ≥0.85× the echo's msgs/s, server µs/msg within 1.15× the echo's, p99 no worse than socket.io's,
// and <16 KB per idle connection.
import { once } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectPairs, type Pair, type Target } from './load-clients.js';
import { startReadyServer, type ReadyServer } from '../../testing/ready-server.js';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 2000);
const OFFERED_PER_S = Number(process.env.BENCH_RATE ?? 10_000);
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 5000);
/** `BENCH_TARGETS=tandem` measures one; the ratios need all three. */
const TARGETS = (process.env.BENCH_TARGETS ?? 'tandem,socket.io,echo').split(',') as Target[];
/** `BENCH_CPU_PROF=<dir>`: each server's CPU profile of the saturated phase, `<dir>/<target>.cpuprofile`. */
const CPU_PROF_DIR = process.env.BENCH_CPU_PROF;
const WINDOW = 4;
const PAYLOAD = 'A'.repeat(128);
const CLOCK_TICKS_PER_S = 100;

interface Result {
  target: Target;
  connections: number;
  rssPerIdleConnectionKB: number;
  messagesPerSecond: number;
  offeredPerSecond: number;
  deliveredAtOfferedPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time per delivered message while saturated: steadier than msgs/s on a busy machine. */
  serverCpuUsPerMessage: number;
  generatorCpuUsPerMessage: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssKB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

/** User plus system CPU of a process so far, in µs (from /proc, clock-tick resolution). */
function cpuUs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_S;
}

const ownCpuUs = (): number => {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
};

function startServer(target: Target): Promise<ReadyServer> {
  const entry = fileURLToPath(new URL('./server-process.ts', import.meta.url));
  const profile = CPU_PROF_DIR ? join(CPU_PROF_DIR, `${target}.cpuprofile`) : '';
  return startReadyServer(entry, [target], { env: { ...process.env, BENCH_PROFILE_OUT: profile } });
}

/** Closed loop: every pair keeps WINDOW messages in flight; counts deliveries in PHASE_MS. */
async function saturate(
  pairs: Pair[],
  serverPid: number,
): Promise<{ rate: number; serverCpuUs: number; generatorCpuUs: number }> {
  let delivered = 0;
  let running = true;
  for (const pair of pairs) {
    pair.onReceive(() => {
      delivered++;
      if (running) pair.send(PAYLOAD);
    });
    for (let i = 0; i < WINDOW; i++) pair.send(PAYLOAD);
  }
  await sleep(500); // past the first burst
  const start = performance.now();
  const before = delivered;
  const [server0, own0] = [cpuUs(serverPid), ownCpuUs()];
  if (CPU_PROF_DIR) process.kill(serverPid, 'SIGUSR2');
  await sleep(PHASE_MS);
  if (CPU_PROF_DIR) process.kill(serverPid, 'SIGUSR2');
  const count = delivered - before;
  const rate = (count * 1000) / (performance.now() - start);
  const serverCpuUs = (cpuUs(serverPid) - server0) / count;
  const generatorCpuUs = (ownCpuUs() - own0) / count;
  running = false;
  // Let the windows drain, so that no late delivery is counted in the next phase.
  for (let last = -1; last !== delivered;) {
    last = delivered;
    await sleep(500);
  }
  return { rate: Math.round(rate), serverCpuUs, generatorCpuUs };
}

/** Open loop at a fixed rate spread over all pairs; latency = receive time − send time (FIFO). */
async function offered(pairs: Pair[]): Promise<{ delivered: number; p50: number; p99: number }> {
  const samples: number[] = [];
  const warmup = performance.now() + 500;
  pairs.forEach((pair) => {
    const sent: number[] = [];
    let head = 0;
    pair.onReceive(() => {
      const at = performance.now();
      const t0 = sent[head++]!;
      if (t0 >= warmup) samples.push(at - t0);
    });
    (pair as Pair & { sent: number[] }).sent = sent;
  });
  const start = performance.now();
  let count = 0;
  let next = 0;
  while (performance.now() - start < PHASE_MS) {
    const due = Math.floor(((performance.now() - start) / 1000) * OFFERED_PER_S);
    for (; count < due; count++) {
      const pair = pairs[next++ % pairs.length]! as Pair & { sent: number[] };
      pair.sent.push(performance.now());
      pair.send(PAYLOAD);
    }
    await sleep(2);
  }
  await sleep(1000);
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    Number(
      (samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN).toFixed(2),
    );
  const measured = (PHASE_MS - 500) / 1000;
  return { delivered: Math.round(samples.length / measured), p50: at(0.5), p99: at(0.99) };
}

async function measure(target: Target): Promise<Result> {
  const { child, port } = await startServer(target);
  try {
    await sleep(500);
    const baseline = rssKB(child.pid!);
    const pairs = await connectPairs(target, `127.0.0.1:${port}`, SESSIONS);
    await sleep(2000);
    const connections = pairs.length * 2;
    const rssPerIdleConnectionKB = Number(
      ((rssKB(child.pid!) - baseline) / connections).toFixed(2),
    );
    const saturated = await saturate(pairs, child.pid!);
    const latency = await offered(pairs);
    for (const pair of pairs) pair.close();
    return {
      target,
      connections,
      rssPerIdleConnectionKB,
      messagesPerSecond: saturated.rate,
      offeredPerSecond: OFFERED_PER_S,
      deliveredAtOfferedPerSecond: latency.delivered,
      p50Ms: latency.p50,
      p99Ms: latency.p99,
      serverCpuUsPerMessage: Number(saturated.serverCpuUs.toFixed(1)),
      generatorCpuUsPerMessage: Number(saturated.generatorCpuUs.toFixed(1)),
    };
  } finally {
    // SIGTERM for a normal exit; SIGKILL if it does not go.
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
}

const load = (): number[] => loadavg().map((l) => Number(l.toFixed(2)));
const loadBefore = load();
const results: Result[] = [];
for (const target of TARGETS) {
  process.stderr.write(`bench/relay: ${target}, ${SESSIONS} sessions…\n`);
  results.push(await measure(target));
}
const loadAfter = load();
const byTarget = (t: Target) => results.find((r) => r.target === t);
const [tandem, socketIo, echo] = [byTarget('tandem'), byTarget('socket.io'), byTarget('echo')];
if (!tandem || !socketIo || !echo) {
  console.log(JSON.stringify({ loadBefore, loadAfter, results }, null, 2));
  process.exit(0);
}
const ratios = {
  throughputVsEcho: Number((tandem.messagesPerSecond / echo.messagesPerSecond).toFixed(2)),
  cpuPerMessageVsEcho: Number(
    (tandem.serverCpuUsPerMessage / echo.serverCpuUsPerMessage).toFixed(2),
  ),
  p99VsSocketIo: Number((tandem.p99Ms / socketIo.p99Ms).toFixed(2)),
  // Shown, no longer a goal: on 2 cores socket.io reaches 0.6–0.8× of the echo, so "2× socket.io"
  // would have meant 1.25–1.5× a relay that does nothing but echo.
  throughputVsSocketIo: Number((tandem.messagesPerSecond / socketIo.messagesPerSecond).toFixed(2)),
};
// Measured against the bare `ws` echo (what any relay on this stack costs at least) in the same run.
const goals = {
  '≥0.85× the raw ws echo throughput': ratios.throughputVsEcho >= 0.85,
  'server µs/msg ≤ 1.15× the echo': ratios.cpuPerMessageVsEcho <= 1.15,
  'p99 ≤ socket.io p99': tandem.p99Ms <= socketIo.p99Ms,
  '<16 KB per idle connection': tandem.rssPerIdleConnectionKB < 16,
};

console.log(
  `\nRelay benchmark: ${SESSIONS} paired sessions (${SESSIONS * 2} connections), payload ${PAYLOAD.length} B`,
);
console.log(`load average ${loadBefore.join(' ')} before, ${loadAfter.join(' ')} after`);
console.log(
  'target      | KB/idle conn | msgs/s (saturated) | server µs/msg | offered → delivered/s | p50 ms | p99 ms',
);
console.log(
  '------------|--------------|--------------------|---------------|-----------------------|--------|-------',
);
for (const r of results) {
  console.log(
    `${r.target.padEnd(11)} | ${String(r.rssPerIdleConnectionKB).padStart(12)} | ${String(r.messagesPerSecond).padStart(18)} | ` +
      `${String(r.serverCpuUsPerMessage).padStart(13)} | ` +
      `${`${r.offeredPerSecond} → ${r.deliveredAtOfferedPerSecond}`.padStart(21)} | ${String(r.p50Ms).padStart(6)} | ${String(r.p99Ms).padStart(6)}`,
  );
}
console.log(
  `\nratios: tandem/echo throughput ${ratios.throughputVsEcho}×, server µs/msg ${ratios.cpuPerMessageVsEcho}×, ` +
    `p99 tandem/socket.io ${ratios.p99VsSocketIo}× (throughput tandem/socket.io ${ratios.throughputVsSocketIo}×, not a goal)`,
);
for (const [goal, met] of Object.entries(goals))
  console.log(`${met ? 'MET   ' : 'MISSED'} ${goal}`);

const dir = fileURLToPath(new URL('../results/', import.meta.url));
mkdirSync(dir, { recursive: true });
const file = `${dir}relay-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(
  file,
  `${JSON.stringify({ sessions: SESSIONS, phaseMs: PHASE_MS, loadBefore, loadAfter, results, ratios, goals }, null, 2)}\n`,
);
console.log(`\nwrote ${file}`);
