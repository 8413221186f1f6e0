// The pairing server's settings: defaults filled in, checked once, frozen. Options that are
// functions (clock, id generator) exist for tests.
import type { FastifyInstance } from 'fastify';
import type { DestinationStream, LevelWithSilent } from 'pino';
import { z } from 'zod';
import { DEFAULT_ADDRESS_LIMITS, type AddressLimitSettings } from './address-limits.js';
import { generateClientId } from './tokens.js';
import type { RelayOptionsInput } from './relay/relay-options.js';
import type { RelayCluster } from './relay/cluster/relay-cluster.js';

export interface ServerAppOptions {
  /** The address the server listens on; decides the Host names it answers to. Default 127.0.0.1. */
  host?: string;
  /**
   * Host names accepted besides the server's own (loopback names, and its LAN addresses when bound
   * to one or to every interface): `name` on any port (behind a proxy), `name:port` exactly.
   */
  allowedHosts?: string[];
  /** Budgets per client address on top of the per-account limit; `false` turns them off. */
  addressLimits?: Partial<AddressLimitSettings> | false;
  /** Holds server.sqlite and server.key (created 0700 if missing). */
  dataDir: string;
  /** postgres://… keeps clients, bindings and sessions in PostgreSQL instead of server.sqlite. */
  databaseUrl?: string;
  /** Connections the PostgreSQL pool keeps at most. Default 10. */
  databasePoolSize?: number;
  /** A binding not seen for this many days is free again. Default 90. */
  bindingTtlDays?: number;
  /** Lifetime of a session created by POST /v1/sessions. Default 720 (12 h). */
  sessionTtlMinutes?: number;
  /** Largest accepted request body. Default 16384. */
  bodyLimitBytes?: number;
  /** Per authenticated client, else per IP. `false` turns limiting off. Default 1000 per minute. */
  rateLimit?: { max: number; timeWindowMs: number } | false;
  /** How often expired bindings and sessions are deleted. Default 1 h; 0 disables the timer. */
  sweepIntervalMs?: number;
  /** Serve the request counters at GET /v1/stats (authenticated). Default false. */
  exposeStats?: boolean;
  /** Serve Prometheus metrics at GET /metrics (unauthenticated). Default false. */
  metrics?: boolean;
  /** Where pino writes JSON lines; no logging when absent. */
  log?: { stream: DestinationStream; level?: LevelWithSilent };
  /** Relay tunables (grace window, heartbeat, limits); the session TTL comes from sessionTtlMinutes. */
  relay?: Omit<RelayOptionsInput, 'sessionTtlMs'>;
  /** The relay as one node of several, its sessions in Redis (startServer makes it from `redis`). */
  relayCluster?: RelayCluster;
  /** Extra routes of the process that embeds the server (the agent's mirror asset proxy). */
  extend?: (app: FastifyInstance) => void;
  now?: () => number;
  generateClientId?: (now: number) => string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

const NumbersSchema = z.object({
  bindingTtlDays: z.number().positive().max(36_500).default(90),
  sessionTtlMinutes: z.number().int().positive().max(525_600).default(720),
  bodyLimitBytes: z.number().int().min(256).max(10_485_760).default(16_384),
  rateLimit: z
    .union([
      z.literal(false),
      z.object({ max: z.number().int().positive(), timeWindowMs: z.number().int().positive() }),
    ])
    .default({ max: 1000, timeWindowMs: 60_000 }),
  sweepIntervalMs: z.number().int().min(0).default(3_600_000),
  allowedHosts: z
    .array(z.string().regex(/^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:[0-9]{1,5})?$/i))
    .default([]),
  addressLimits: z
    .union([
      z.literal(false),
      z.object({
        requestsPerMinute: z
          .number()
          .int()
          .positive()
          .default(DEFAULT_ADDRESS_LIMITS.requestsPerMinute),
        accountsPerHour: z
          .number()
          .int()
          .positive()
          .default(DEFAULT_ADDRESS_LIMITS.accountsPerHour),
        sessionsPerHour: z
          .number()
          .int()
          .positive()
          .default(DEFAULT_ADDRESS_LIMITS.sessionsPerHour),
      }),
    ])
    .default({ ...DEFAULT_ADDRESS_LIMITS }),
  exposeStats: z.boolean().default(false),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL')
    .optional(),
  databasePoolSize: z.number().int().min(1).max(1000).default(10),
  metrics: z.boolean().default(false),
});

export interface ServerConfig {
  readonly dataDir: string;
  /** undefined: SQLite in dataDir. */
  readonly databaseUrl: string | undefined;
  readonly databasePoolSize: number;
  readonly bindingTtlMs: number;
  readonly sessionTtlMs: number;
  readonly bodyLimitBytes: number;
  readonly rateLimit: Readonly<{ max: number; timeWindowMs: number }> | false;
  readonly sweepIntervalMs: number;
  readonly host: string;
  readonly allowedHosts: readonly string[];
  readonly addressLimits: AddressLimitSettings | false;
  readonly exposeStats: boolean;
  readonly metrics: boolean;
  readonly log: ServerAppOptions['log'];
  readonly now: () => number;
  readonly generateClientId: (now: number) => string;
}

/** Throws a RangeError naming the first bad setting. */
export function resolveServerConfig(options: ServerAppOptions): ServerConfig {
  if (typeof options.dataDir !== 'string' || options.dataDir === '') {
    throw new RangeError('pairing server: dataDir is required');
  }
  const parsed = NumbersSchema.safeParse({
    bindingTtlDays: options.bindingTtlDays,
    sessionTtlMinutes: options.sessionTtlMinutes,
    bodyLimitBytes: options.bodyLimitBytes,
    rateLimit: options.rateLimit,
    sweepIntervalMs: options.sweepIntervalMs,
    allowedHosts: options.allowedHosts,
    addressLimits: options.addressLimits,
    exposeStats: options.exposeStats,
    databaseUrl: options.databaseUrl,
    databasePoolSize: options.databasePoolSize,
    metrics: options.metrics,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RangeError(`pairing server: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const values = parsed.data;
  return Object.freeze({
    dataDir: options.dataDir,
    databaseUrl: values.databaseUrl,
    databasePoolSize: values.databasePoolSize,
    bindingTtlMs: Math.round(values.bindingTtlDays * DAY_MS),
    sessionTtlMs: values.sessionTtlMinutes * 60_000,
    bodyLimitBytes: values.bodyLimitBytes,
    rateLimit: values.rateLimit === false ? false : Object.freeze(values.rateLimit),
    sweepIntervalMs: values.sweepIntervalMs,
    host: options.host ?? '127.0.0.1',
    allowedHosts: Object.freeze(values.allowedHosts.map((name) => name.toLowerCase())),
    addressLimits: values.addressLimits === false ? false : Object.freeze(values.addressLimits),
    exposeStats: values.exposeStats,
    metrics: values.metrics,
    log: options.log,
    now: options.now ?? Date.now,
    generateClientId: options.generateClientId ?? generateClientId,
  });
}
