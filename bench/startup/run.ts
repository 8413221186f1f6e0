// bench/startup: how long `tandem --help` takes from the build against a bare `node -e 0`, measured
// side by side in one run (N rounds, the three commands interleaved in each, medians compared).
// Goal: built `tandem --help` within 3× of `node -e 0`. Builds dist/ first when it is stale.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from '../../bin/ensure-build.js';
import { printTable, round, summarize, writeResults } from '../support/results.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 30);
const GOAL_RATIO = 3;
const root = fileURLToPath(new URL('../../', import.meta.url));

const commands: Record<string, string[]> = {
  'node -e 0': ['-e', '0'],
  'node dist/tandem.js --help': ['dist/tandem.js', '--help'],
  'node bin/tandem.js --help': ['bin/tandem.js', '--help'],
};

function timeOnce(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr}`);
  return ms;
}

function main(): void {
  if (!ensureBuilt()) throw new Error('the build failed');
  const samples = Object.fromEntries(Object.keys(commands).map((name) => [name, [] as number[]]));
  for (const args of Object.values(commands)) timeOnce(args); // warm the file cache
  for (let i = 0; i < rounds; i++) {
    // Interleaved, in a rotating order: machine load hits the three alike.
    const names = Object.keys(commands);
    const order = [...names.slice(i % names.length), ...names.slice(0, i % names.length)];
    for (const name of order) samples[name]?.push(timeOnce(commands[name] as string[]));
  }
  const stats = Object.fromEntries(
    Object.entries(samples).map(([name, values]) => [name, summarize(values)]),
  );
  const base = stats['node -e 0']?.p50 ?? Number.NaN;
  printTable(
    ['command', 'n', 'p50 ms', 'p95 ms', 'max ms', '× node -e 0'],
    Object.entries(stats).map(([name, s]) => [name, s.n, s.p50, s.p95, s.max, round(s.p50 / base)]),
  );
  const ratio = round((stats['node dist/tandem.js --help']?.p50 ?? Infinity) / base);
  const met = ratio <= GOAL_RATIO;
  console.log(
    `built tandem --help: ${ratio}× node -e 0 (goal ≤ ${GOAL_RATIO}×) ${met ? 'MET' : 'MISSED'}`,
  );
  const path = writeResults('startup', {
    at: new Date().toISOString(),
    node: process.version,
    rounds,
    stats,
    goal: { name: 'built tandem --help within 3× of node -e 0', ratio, goalRatio: GOAL_RATIO, met },
  });
  console.log(`results: ${path}`);
}

main();
