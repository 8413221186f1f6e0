// Mounts the relay on a fastify app: the WebSocket upgrade (noServer mode, on the app's own HTTP
// server), the join probe for browsers, heartbeats and session expiry. The server relays sealed
// payloads and logs only type, size and seq.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { WebSocketServer, type WebSocket } from 'ws';
import { RelayCloseCode, RelayErrorCode } from '../../protocol/relay-errors.js';
import { ACK_POLICY, RELAY_PATH, type Role } from '../../protocol/relay-frames.js';
import { createHostPolicy, LOOPBACK_NAMES, type HostPolicy } from '../host-policy.js';
import { guardSocket } from '../socket-guard.js';
import { admit, type Admission } from './upgrade-guard.js';
import { refuseUpgrade } from './refuse-upgrade.js';
import {
  BUDGET_CHECK_MS,
  HeldBytes,
  RelayMemoryBudget,
  type BudgetedSession,
} from './memory-budget.js';
import { DelayQueue } from './delay-queue.js';
import { RelayConnection } from './relay-connection.js';
import type { RelayLogger } from './relay-logger.js';
import { resolveRelayOptions, type RelayOptions, type RelayOptionsInput } from './relay-options.js';
import { MemorySessionRegistry } from './memory-session-registry.js';
import type { CreatedSession, SessionRegistry } from './session-registry.js';
import type { RelayCluster } from './cluster/relay-cluster.js';
import { phonePageRoutes } from './phone-page-routes.js';

export interface AttachRelayOptions extends RelayOptionsInput {
  /** Defaults to a child of the app's logger. */
  logger?: RelayLogger;
  now?: () => number;
  /** Host names and origins accepted; default: the loopback names on the server's own port. */
  hosts?: HostPolicy;
  /** Told the code of every refused upgrade (the server's metrics count them). */
  onRefusal?: (code: string) => void;
  /** With --redis: the sessions live in Redis and this relay is one node of several. */
  cluster?: RelayCluster;
}

export interface Relay {
  readonly options: RelayOptions;
  readonly registry: SessionRegistry;
  /** What `POST /v1/sessions` calls: a new session, its secret and role tokens (shown once). */
  createSession(options?: { ownerId?: string; ttlMs?: number }): CreatedSession;
  readonly budget: RelayMemoryBudget;
  /** With --redis: this node's id. */
  readonly nodeId: string | undefined;
  /** The health probe of the relay's dependencies: resolves when Redis answers (at once without). */
  checkRedis(): Promise<void>;
  /** What a health or metrics route shows: sessions known here, terminals on this node, bytes held. */
  counts(): { sessions: number; terminals: number; heldBytes: number };
  stats(): ReturnType<SessionRegistry['stats']> & {
    connections: number;
    /** Bytes held across sessions now (queued, latest-wins, ws send buffers). */
    heldBytes: number;
    budgetBytes: number;
    /** Sessions shed to stay within the budget since start. */
    shedSessions: number;
    /** Connected terminals by role. */
    terminals: Record<Role, number>;
    /** Messages and bytes relayed since start, ended sessions included. */
    totals: { relayedMessages: number; relayedBytes: number };
  };
  /**
   * Drain (SIGTERM): refuse new upgrades with SERVER_DRAINING and close every terminal with 4503,
   * which the clients take as "reconnect". Resolves when the sockets are gone or after `boundMs`.
   */
  drain(boundMs: number): Promise<void>;
}

export const RELAY_PROBE_PATH = '/v1/relay/probe';
/** Each connection is checked once per heartbeat interval, a slice of them every interval/32. */
const HEARTBEAT_SLICES = 32;

export function attachRelay(app: FastifyInstance, input: AttachRelayOptions = {}): Relay {
  const { logger, now = Date.now, hosts: given, onRefusal, cluster, ...rest } = input;
  const options = resolveRelayOptions(rest);
  const hosts =
    given ??
    createHostPolicy({
      ownNames: LOOPBACK_NAMES,
      allowedOrigins: options.allowedOrigins,
      port: () => {
        const address = app.server.address();
        return typeof address === 'object' && address ? address.port : undefined;
      },
    });
  const log: RelayLogger = logger ?? app.log.child({ module: 'relay' });
  // Delayed acks of every session share one timer, and leave spread out as they came.
  const delayed = new DelayQueue(ACK_POLICY.relayDelayMs, 10);
  const held = new HeldBytes();
  const budget: RelayMemoryBudget = new RelayMemoryBudget(options.memoryBudgetBytes, held, {
    sessions: (): Iterable<BudgetedSession> => registry.relays(),
    now,
    defer: (fn) => setImmediate(fn),
    onShed: (report) => log.warn(report, 'relay over its memory budget: sessions shed'),
  });
  const deps = {
    options,
    log,
    now,
    held,
    budget,
    schedule: (fn: () => void, ms: number) => {
      const timer = setTimeout(fn, ms);
      timer.unref();
      return () => clearTimeout(timer);
    },
    defer: (fn: () => void) => setImmediate(fn),
    delay: (fn: () => void) => delayed.push(fn),
  };
  const registry: SessionRegistry = cluster
    ? cluster.createRegistry(deps)
    : new MemorySessionRegistry(deps);
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload,
    perMessageDeflate: false,
    clientTracking: false,
  });
  const connections = new Set<RelayConnection>();
  const sockets = new Set<WebSocket>();
  const terminals: Record<Role, number> = { pc: 0, phone: 0 };
  let draining = false;
  /** Resolves the drain once the last socket closed. */
  let drained: (() => void) | undefined;
  let accepted = 0;
  let slice = 0;

  // Node's HTTP server drops its own 'error' listener when it hands an upgrade over: a reset while
  // the refusal is written, or before ws takes the socket, must not throw.
  const onSocketError = (error: Error): void =>
    log.debug({ code: (error as NodeJS.ErrnoException).code }, 'upgrade socket failed');
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    guardSocket(socket, onSocketError);
    const url = new URL(request.url ?? '/', 'http://relay.invalid');
    if (url.pathname !== RELAY_PATH)
      return refuseUpgrade(socket, 404, 'NOT_FOUND', 'no such endpoint');
    const params = Object.fromEntries(url.searchParams);
    void (draining ? Promise.resolve(DRAINING) : admitSafely(params, request.headers)).then(
      (admission) => {
        if (!admission.ok) {
          log.info({ code: admission.code }, 'join refused');
          onRefusal?.(admission.code);
          return refuseUpgrade(socket, admission.status, admission.code, admission.message);
        }
        wss.handleUpgrade(request, socket, head, (ws) => accept(ws, admission));
      },
    );
  };

  // With --redis the session and its seats are in Redis: when it cannot answer, the terminal is
  // told to come back (503, retried), never that its session does not exist.
  const admitSafely = async (
    params: Record<string, unknown>,
    headers: IncomingMessage['headers'],
  ): Promise<Admission> => {
    try {
      return await admit(params, headers, registry, hosts);
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'join failed: the session store did not answer');
      return {
        ok: false,
        status: 503,
        code: RelayErrorCode.Unavailable,
        message: 'the relay cannot reach its session store; try again',
      };
    }
  };

  const accept = (ws: WebSocket, admission: Admission & { ok: true }): void => {
    const { record, role, resumeLast } = admission;
    const connection = new RelayConnection(ws, record.relay, role, options, now);
    connection.slice = accepted++ % HEARTBEAT_SLICES;
    connections.add(connection);
    sockets.add(ws);
    terminals[role] += 1;
    ws.on('close', () => {
      connections.delete(connection);
      sockets.delete(ws);
      terminals[role] -= 1;
      if (sockets.size === 0) drained?.();
    });
    record.relay.attach(role, connection, resumeLast);
  };

  app.server.on('upgrade', onUpgrade);
  app.register(phonePageRoutes);

  // Browsers cannot read an upgrade refusal; the phone page asks here why it was refused.
  app.register(async (scope) => {
    scope.post(RELAY_PROBE_PATH, { logLevel: 'warn' }, async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>;
      const params = Object.fromEntries(
        Object.entries(body).map(([key, value]) => [
          key,
          typeof value === 'number' ? String(value) : value,
        ]),
      );
      const admission = draining ? DRAINING : await admitSafely(params, request.headers);
      if (!admission.ok) {
        return reply
          .code(admission.status)
          .send({ error: { code: admission.code, message: admission.message } });
      }
      return { ok: true };
    });
  });

  // Heartbeats are spread over the interval in slices, so thousands of connections never cost one
  // long pause of the event loop.
  const heartbeat = setInterval(
    () => {
      const current = slice++ % HEARTBEAT_SLICES;
      for (const connection of connections) {
        if (connection.slice === current) connection.heartbeat();
      }
    },
    Math.max(1, Math.floor(options.heartbeatMs / HEARTBEAT_SLICES)),
  );
  heartbeat.unref();
  const sweeper = setInterval(
    () => registry.sweep(RelayCloseCode.Expired, RelayErrorCode.Expired),
    Math.min(60_000, options.sessionTtlMs),
  );
  sweeper.unref();
  // Queued bytes tell the budget as they grow; ws send buffers grow unseen, so look regularly too.
  const budgetCheck = setInterval(() => budget.enforce(), BUDGET_CHECK_MS);
  budgetCheck.unref();

  // preClose, not onClose: the HTTP server's close() waits for every socket, upgraded ones too, so
  // the relay's sockets must be closed before it or shutdown never ends.
  app.addHook('preClose', async () => {
    clearInterval(heartbeat);
    clearInterval(sweeper);
    clearInterval(budgetCheck);
    delayed.clear();
    app.server.off('upgrade', onUpgrade);
    registry.closeAll(RelayCloseCode.ServerShutdown, 'server shutting down');
    for (const socket of sockets) socket.terminate();
    wss.close();
    await cluster?.close();
  });

  const drain = async (boundMs: number): Promise<void> => {
    draining = true;
    log.info({ terminals: sockets.size }, 'relay draining: terminals told to reconnect');
    if (sockets.size === 0) return;
    const gone = new Promise<void>((resolve) => (drained = resolve));
    for (const connection of connections) {
      connection.close(RelayCloseCode.ServerShutdown, RelayErrorCode.Draining);
    }
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, boundMs)));
    await Promise.race([gone, bound]);
    clearTimeout(timer);
  };

  return {
    options,
    registry,
    budget,
    drain,
    createSession: (createOptions) => registry.create(createOptions),
    nodeId: cluster?.nodeId,
    checkRedis: () => cluster?.checkRedis() ?? Promise.resolve(),
    counts: () => ({
      sessions: registry.size,
      terminals: connections.size,
      heldBytes: budget.heldBytes(),
    }),
    stats: () => ({
      ...registry.stats(),
      connections: connections.size,
      heldBytes: budget.heldBytes(),
      budgetBytes: budget.limit,
      shedSessions: budget.shedTotal,
      terminals: { ...terminals },
      totals: registry.totals(),
    }),
  };
}

const DRAINING: Admission = {
  ok: false,
  status: 503,
  code: RelayErrorCode.Draining,
  message: 'this server is draining; join again (another node takes it)',
};
