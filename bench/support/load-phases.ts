// Shared by bench/relay and bench/cluster: the two measuring phases over connected pairs (closed
// loop saturated, open loop at a fixed offered rate), CPU time of a process from /proc, and stopping
// a server process.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import type { Pair } from './tandem-pairs.js';

const CLOCK_TICKS_PER_S = 100;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** User plus system CPU of a process so far, in µs (from /proc, clock-tick resolution). */
export function cpuUs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS_PER_S;
}

export interface Phase {
  payload: string;
  phaseMs: number;
}

/** What a benchmark reads around the saturated phase: `start` as it begins, `finish` as it ends. */
export interface Meter<T> {
  start(): void;
  finish(delivered: number): T;
}

/**
 * Closed loop: every pair keeps `window` messages in flight; counts deliveries in `phaseMs` after
 * `warmupMs` past the first burst, then lets the windows drain, so that no late delivery is counted
 * in the next phase.
 */
export async function saturate<T>(
  pairs: Pair[],
  phase: Phase & { window: number; warmupMs: number },
  meter: Meter<T>,
): Promise<T & { rate: number }> {
  let delivered = 0;
  let running = true;
  for (const pair of pairs) {
    pair.onReceive(() => {
      delivered++;
      if (running) pair.send(phase.payload);
    });
    for (let i = 0; i < phase.window; i++) pair.send(phase.payload);
  }
  await sleep(phase.warmupMs);
  const start = performance.now();
  const before = delivered;
  meter.start();
  await sleep(phase.phaseMs);
  const count = delivered - before;
  const rate = (count * 1000) / (performance.now() - start);
  const measured = meter.finish(count);
  running = false;
  for (let last = -1; last !== delivered;) {
    last = delivered;
    await sleep(500);
  }
  return { ...measured, rate: Math.round(rate) };
}

/** Open loop at a fixed rate spread over all pairs; latency = receive time − send time (FIFO). */
export async function offered(
  pairs: Pair[],
  phase: Phase & { offeredPerS: number },
): Promise<{ delivered: number; p50: number; p99: number }> {
  const samples: number[] = [];
  const warmup = performance.now() + 500;
  const sent = pairs.map(() => [] as number[]);
  pairs.forEach((pair, index) => {
    let head = 0;
    pair.onReceive(() => {
      const at = performance.now();
      const t0 = sent[index]![head++]!;
      if (t0 >= warmup) samples.push(at - t0);
    });
  });
  const start = performance.now();
  let count = 0;
  let next = 0;
  while (performance.now() - start < phase.phaseMs) {
    const due = Math.floor(((performance.now() - start) / 1000) * phase.offeredPerS);
    for (; count < due; count++) {
      const index = next++ % pairs.length;
      sent[index]!.push(performance.now());
      pairs[index]!.send(phase.payload);
    }
    await sleep(2);
  }
  await sleep(1000);
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    Number(
      (samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN).toFixed(2),
    );
  const measured = (phase.phaseMs - 500) / 1000;
  return { delivered: Math.round(samples.length / measured), p50: at(0.5), p99: at(0.99) };
}

/** What both benchmarks report from the two phases, in this order. */
export interface PhaseFields {
  messagesPerSecond: number;
  offeredPerSecond: number;
  deliveredAtOfferedPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /**
   * CPU time of the server (every node process in a cluster) per delivered message while
   * saturated: steadier than msgs/s on a busy machine.
   */
  serverCpuUsPerMessage: number;
}

export function phaseFields(
  saturated: { rate: number; serverCpuUs: number },
  latency: { delivered: number; p50: number; p99: number },
  offeredPerS: number,
): PhaseFields {
  return {
    messagesPerSecond: saturated.rate,
    offeredPerSecond: offeredPerS,
    deliveredAtOfferedPerSecond: latency.delivered,
    p50Ms: latency.p50,
    p99Ms: latency.p99,
    serverCpuUsPerMessage: Number(saturated.serverCpuUs.toFixed(1)),
  };
}

/** SIGTERM for a normal exit; SIGKILL if it does not go within 5 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
