// bench/soak: does the relay's memory stay flat under steady traffic? 200 paired Tandem sessions
// relay 128 B messages at a fixed offered rate for SOAK_MINUTES (10 by default), the server in its
// own process; its RSS is sampled every few seconds. MET when the RSS at the end is within 10% of
// the RSS at 2 minutes (past warm-up). Loopback only; not part of CI.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { connectPairs } from '../relay/load-clients.js';
import { printTable, round, writeResults } from '../support/results.js';
import { startReadyServer, type ReadyServer } from '../../testing/ready-server.js';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const SESSIONS = Number(process.env.SOAK_SESSIONS ?? 200);
/** Messages per second over all sessions (each session gets an equal share). */
const RATE = Number(process.env.SOAK_RATE ?? 2000);
const SAMPLE_MS = 5000;
/** The reference point: past connection set-up and warm-up of the JIT and the heap. */
const REFERENCE_MS = Math.min(2 * 60_000, (MINUTES * 60_000) / 5);
const PAYLOAD = 'A'.repeat(128);
const TOLERANCE = 0.1;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024, 1);
}

function startServer(): Promise<ReadyServer> {
  const entry = fileURLToPath(new URL('../relay/server-process.ts', import.meta.url));
  return startReadyServer(entry, ['tandem'], { detached: true });
}

const { child, port } = await startServer();
const pid = child.pid!;
const samples: Array<{ atS: number; rssMB: number; delivered: number }> = [];
let sent = 0;
let delivered = 0;
try {
  const pairs = await connectPairs('tandem', `127.0.0.1:${port}`, SESSIONS);
  for (const pair of pairs) pair.onReceive(() => delivered++);
  process.stderr.write(
    `bench/soak: ${SESSIONS} sessions, ${RATE} msgs/s, ${MINUTES} min, server pid ${pid}\n`,
  );
  const start = performance.now();
  const end = start + MINUTES * 60_000;
  let nextSample = start + SAMPLE_MS;
  let next = 0;
  // Bounded: the loop ends at `end`; each turn sends what is due at the offered rate.
  while (performance.now() < end) {
    const due = Math.floor(((performance.now() - start) / 1000) * RATE);
    for (; sent < due; sent++) pairs[next++ % pairs.length]!.send(PAYLOAD);
    if (performance.now() >= nextSample) {
      nextSample += SAMPLE_MS;
      const atS = Math.round((performance.now() - start) / 1000);
      samples.push({ atS, rssMB: rssMB(pid), delivered });
      if (atS % 60 < SAMPLE_MS / 1000) {
        process.stderr.write(`  ${atS} s: RSS ${rssMB(pid)} MB, ${delivered}/${sent} delivered\n`);
      }
    }
    await sleep(5);
  }
  // Let the last messages arrive (bounded wait).
  for (let tries = 0; tries < 50 && delivered < sent; tries++) await sleep(100);
  samples.push({
    atS: Math.round((performance.now() - start) / 1000),
    rssMB: rssMB(pid),
    delivered,
  });
  for (const pair of pairs) pair.close();
} finally {
  const exited = once(child, 'exit');
  process.kill(-pid, 'SIGTERM');
  const timer = setTimeout(() => process.kill(-pid, 'SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

const reference = samples.find((s) => s.atS * 1000 >= REFERENCE_MS) ?? samples[samples.length - 1]!;
const last = samples[samples.length - 1]!;
const growth = (last.rssMB - reference.rssMB) / reference.rssMB;
const met = Math.abs(growth) <= TOLERANCE;
const peak = Math.max(...samples.map((s) => s.rssMB));

console.log(
  `\nRelay soak: ${SESSIONS} sessions, ${RATE} msgs/s offered, ${MINUTES} min, load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
printTable(
  ['at', 'RSS MB', 'delivered'],
  samples
    .filter((s, i) => s.atS % 60 < SAMPLE_MS / 1000 || i === samples.length - 1)
    .map((s) => [`${s.atS} s`, s.rssMB, s.delivered]),
);
console.log(
  `\nRSS at ${reference.atS} s: ${reference.rssMB} MB; at the end (${last.atS} s): ${last.rssMB} MB; ` +
    `peak ${peak} MB; change ${round(growth * 100, 1)}%`,
);
console.log(`delivered ${delivered} of ${sent} sent`);
console.log(
  `${met ? 'MET' : 'MISSED'} end RSS within ${TOLERANCE * 100}% of the ${reference.atS} s RSS`,
);
const file = writeResults(`soak-${new Date().toISOString().replace(/[:.]/g, '-')}`, {
  sessions: SESSIONS,
  rate: RATE,
  minutes: MINUTES,
  reference,
  last,
  peakMB: peak,
  growth: round(growth, 4),
  met,
  sent,
  delivered,
  samples,
});
console.log(`wrote ${file}`);
