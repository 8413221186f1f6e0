// `npm run bench:mirror`: the same scripted sessions mirrored two ways — rrweb through the real
// session, relay and phone page, and a CDP screencast baseline counted as if it crossed the same
// relay — printing the bytes the phone received (first view included), p50/p95 update latency, the
// PC page's script time, and MET/MISSED for each goal. Writes JSON to bench/results/. Bounded: it
// stops itself after 240 s.
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { startFixtureSite } from '../../testing/fixture-site.js';
import { benchPages, scenarios } from './fixtures.js';
import { checkGoals, goalLines, table } from './measure.js';
import { runRrweb } from './rrweb-mode.js';
import { runScreencast } from './screencast-mode.js';

const guard = setTimeout(() => {
  process.stderr.write('bench:mirror took longer than 240 s; stopping\n');
  process.exit(1);
}, 240_000);

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');
const loadBefore = load();
/** `BENCH_SCENES=table-10k` runs the named scenarios only (comma-separated). */
const only = process.env.BENCH_SCENES?.split(',');
const chosen = only ? scenarios.filter((s) => only.includes(s.name)) : scenarios;
const site = await startFixtureSite(benchPages);
try {
  const rrweb = await runRrweb(site, chosen);
  const screencast = await runScreencast(site, chosen);
  const results = [...rrweb, ...screencast];
  const article = rrweb.find((r) => r.scenario === 'article');
  const goals = rrweb.map((r) =>
    checkGoals(
      r,
      screencast.find((c) => c.scenario === r.scenario),
      article,
    ),
  );
  process.stdout.write(`${table(results)}\n\n${goalLines(goals)}\n\n`);
  process.stdout.write(`load average (1, 5, 15 min): before ${loadBefore}; after ${load()}\n`);
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/mirror-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  const at = new Date().toISOString();
  writeFileSync(
    file,
    JSON.stringify({ at, loadBefore, loadAfter: load(), results, goals }, null, 2),
  );
  process.stdout.write(`wrote ${file}\n`);
} finally {
  clearTimeout(guard);
  await site.close();
}
