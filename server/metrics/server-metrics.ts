// The server's Prometheus metrics (GET /metrics with --metrics): relay sessions, terminals by role,
// messages and bytes relayed, bytes held against the memory budget, refusals by code, store latency,
// plus prom-client's process defaults. Each app has its own registry, so tests can build many.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Relay } from '../relay/attach-relay.js';

export type RefusalKind = 'http' | 'relay';

/** Where the relay's numbers come from, read at scrape time. */
export type RelayStatsSource = () => ReturnType<Relay['stats']>;

/** Store calls are sub-millisecond on SQLite and a network round trip on PostgreSQL. */
const STORE_BUCKETS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

export class ServerMetrics {
  readonly registry = new Registry();
  private readonly refusals: Counter<'kind' | 'code'>;
  private readonly storeLatency: Histogram<'repo' | 'method'>;

  constructor(relayStats: RelayStatsSource) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.refusals = new Counter({
      name: 'tandem_refusals_total',
      help: 'Requests and relay joins refused, by error code (kind http: HTTP answers; relay: upgrades)',
      labelNames: ['kind', 'code'],
      registers,
    });
    this.storeLatency = new Histogram({
      name: 'tandem_store_seconds',
      help: 'Time spent in store calls, by repository and method',
      labelNames: ['repo', 'method'],
      buckets: STORE_BUCKETS,
      registers,
    });
    registerRelayMetrics(registers, relayStats);
  }

  countRefusal(kind: RefusalKind, code: string): void {
    this.refusals.inc({ kind, code });
  }

  observeStore(repo: string, method: string, seconds: number): void {
    this.storeLatency.observe({ repo, method }, seconds);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}

function registerRelayMetrics(registers: Registry[], relayStats: RelayStatsSource): void {
  new Gauge({
    name: 'tandem_relay_sessions',
    help: 'Relay sessions open on this node',
    registers,
    collect() {
      this.set(relayStats().sessions);
    },
  });
  new Gauge({
    name: 'tandem_relay_terminals',
    help: 'Terminals connected to this node, by role',
    labelNames: ['role'],
    registers,
    collect() {
      const { terminals } = relayStats();
      for (const [role, count] of Object.entries(terminals)) this.set({ role }, count);
    },
  });
  growingCounter(registers, 'tandem_relay_messages_total', 'Messages relayed', (s) => {
    return s.totals.relayedMessages;
  });
  growingCounter(registers, 'tandem_relay_bytes_total', 'Payload bytes relayed', (s) => {
    return s.totals.relayedBytes;
  });
  growingCounter(registers, 'tandem_relay_shed_sessions_total', 'Sessions shed', (s) => {
    return s.shedSessions;
  });
  new Gauge({
    name: 'tandem_relay_held_bytes',
    help: 'Bytes the relay holds now (queued, latest-wins, ws send buffers)',
    registers,
    collect() {
      this.set(relayStats().heldBytes);
    },
  });
  new Gauge({
    name: 'tandem_relay_budget_bytes',
    help: 'The relay memory budget (--relay-memory-budget)',
    registers,
    collect() {
      this.set(relayStats().budgetBytes);
    },
  });

  /** A counter read from a total that only grows: each scrape adds what grew since the last. */
  function growingCounter(
    on: Registry[],
    name: string,
    help: string,
    read: (stats: ReturnType<RelayStatsSource>) => number,
  ): void {
    let seen = 0;
    new Counter({
      name,
      help,
      registers: on,
      collect() {
        const now = read(relayStats());
        if (now > seen) this.inc(now - seen);
        seen = Math.max(seen, now);
      },
    });
  }
}
