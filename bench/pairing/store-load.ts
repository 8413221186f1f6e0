// bench/pairing, the store part: bind and lookup latency over HTTP at 200 concurrent clients,
// against the pairing server on SQLite and on a real PostgreSQL (started from Debian's package,
// testing/postgres.ts), each server in this process on loopback without rate limits.
import { startServer, type RunningServer } from '../../server/listen.js';
import { postgresBinDir } from '../../testing/postgres.js';
import { STORE_KINDS, testStoreTarget, type StoreKind } from '../../testing/test-store.js';
import { percentile, round } from '../support/results.js';

const clients = Number(process.env.BENCH_STORE_CLIENTS ?? 200);
const rounds = Number(process.env.BENCH_STORE_ROUNDS ?? 20);

export interface StoreLoadResult {
  store: StoreKind;
  clients: number;
  op: 'bind' | 'lookup';
  n: number;
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
}

async function post(url: string, authorization: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify(body),
  });
  await response.arrayBuffer();
  if (response.status !== 200 && response.status !== 201) {
    throw new Error(`${new URL(url).pathname}: HTTP ${response.status}`);
  }
}

async function register(server: RunningServer): Promise<string> {
  const response = await fetch(`${server.url}/v1/clients`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const { clientId, credential } = (await response.json()) as Record<string, string>;
  return `Bearer ${clientId}.${credential}`;
}

/** Each client binds a phone of its own, then looks it up, `rounds` times, all clients at once. */
async function measure(kind: StoreKind): Promise<StoreLoadResult[]> {
  const target = await testStoreTarget(kind, 'tandem-bench-store-');
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir: target.dataDir,
    ...(target.databaseUrl && { databaseUrl: target.databaseUrl }),
    ...(kind === 'postgres' && { databasePoolSize: 20 }),
    rateLimit: false,
    addressLimits: false,
  });
  const times = { bind: [] as number[], lookup: [] as number[] };
  const took = { bind: 0, lookup: 0 };
  try {
    const auths = await Promise.all(Array.from({ length: clients }, () => register(server)));
    for (let r = 0; r < rounds; r++) {
      for (const op of ['bind', 'lookup'] as const) {
        const path = op === 'bind' ? '/v1/bindings' : '/v1/bindings/lookup';
        const started = performance.now();
        await Promise.all(
          auths.map(async (authorization, i) => {
            const identity = { kind: 'serial', value: `BENCH${i}R${r}` };
            const t0 = performance.now();
            await post(`${server.url}${path}`, authorization, { identity });
            times[op].push(performance.now() - t0);
          }),
        );
        took[op] += performance.now() - started;
      }
    }
  } finally {
    await server.close();
    await target.dispose();
  }
  return (['bind', 'lookup'] as const).map((op) => ({
    store: kind,
    clients,
    op,
    n: times[op].length,
    p50: round(percentile(times[op], 50)),
    p99: round(percentile(times[op], 99)),
    max: round(Math.max(...times[op])),
    perSecond: Math.round((times[op].length / took[op]) * 1000),
  }));
}

/** SQLite, then PostgreSQL where it is installed (otherwise said and skipped). */
export async function runStoreLoad(): Promise<StoreLoadResult[]> {
  const results: StoreLoadResult[] = [];
  for (const kind of STORE_KINDS) {
    if (kind === 'postgres' && !postgresBinDir()) {
      console.log('bench/pairing store: PostgreSQL is not installed, its run is skipped');
      continue;
    }
    process.stderr.write(`store load: ${kind}, ${clients} clients × ${rounds} rounds\n`);
    results.push(...(await measure(kind)));
  }
  return results;
}
