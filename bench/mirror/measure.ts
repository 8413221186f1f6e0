// Small measuring helpers for the mirror benchmark.
import type { CDPSession } from 'playwright-core';

export interface ScenarioResult {
  scenario: string;
  mode: 'rrweb' | 'screencast';
  seconds: number;
  bytes: number;
  bytesPerSecond: number;
  latencyMs: { p50: number; p95: number; samples: number; missed: number };
  /** Main-thread script time in the PC page during the scenario (ms). */
  pcScriptMs: number;
}

export async function scriptMs(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  return (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export function table(results: readonly ScenarioResult[]): string {
  const head = ['scenario', 'mode', 'KB/s to phone', 'p50 ms', 'p95 ms', 'missed', 'PC script ms'];
  const rows = results.map((r) => [
    r.scenario,
    r.mode,
    (r.bytesPerSecond / 1024).toFixed(1),
    r.latencyMs.p50.toFixed(0),
    r.latencyMs.p95.toFixed(0),
    String(r.latencyMs.missed),
    r.pcScriptMs.toFixed(0),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
