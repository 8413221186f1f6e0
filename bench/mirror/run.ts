// `npm run bench:mirror`: the same scripted session mirrored two ways — rrweb and a CDP screencast
// baseline — printing bytes/s to the phone, p50/p95 update latency and the PC page's script time.
// Writes JSON to bench/results/. Bounded: it stops itself after 170 s.
import { mkdirSync, writeFileSync } from 'node:fs';
import { startFixtureSite } from '../../agent/browser/test-kit.js';
import { benchPages, scenarios } from './fixtures.js';
import { table } from './measure.js';
import { runRrweb } from './rrweb-mode.js';
import { runScreencast } from './screencast-mode.js';

const guard = setTimeout(() => {
  process.stderr.write('bench:mirror took longer than 170 s; stopping\n');
  process.exit(1);
}, 170_000);

const site = await startFixtureSite(benchPages);
try {
  const rrweb = await runRrweb(site, scenarios);
  const screencast = await runScreencast(site, scenarios);
  const results = [...rrweb, ...screencast];
  const summary = scenarios.map((s) => {
    const r = rrweb.find((x) => x.scenario === s.name);
    const c = screencast.find((x) => x.scenario === s.name);
    return {
      scenario: s.name,
      bytesRatio: r && c && c.bytes > 0 ? r.bytes / c.bytes : null,
      recorderScriptMs: r && c ? r.pcScriptMs - c.pcScriptMs : null,
    };
  });
  process.stdout.write(`${table(results)}\n\n`);
  for (const s of summary) {
    process.stdout.write(
      `${s.scenario}: rrweb bytes = ${s.bytesRatio === null ? 'n/a' : (s.bytesRatio * 100).toFixed(1)}% of the screencast's; recorder main-thread cost ≈ ${s.recorderScriptMs?.toFixed(0) ?? 'n/a'} ms\n`,
    );
  }
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/mirror-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ at: new Date().toISOString(), results, summary }, null, 2));
  process.stdout.write(`\nwrote ${file}\n`);
} finally {
  clearTimeout(guard);
  await site.close();
}
