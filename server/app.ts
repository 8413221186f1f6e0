// The pairing server as a fastify instance, built apart from listen() so tests can inject requests
// and the agent can embed it. Opens server.key and its store (server.sqlite in the data folder, or
// PostgreSQL with databaseUrl); app.close() closes them.
import { join } from 'node:path';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { ensureDataDir } from '../db/data-dir.js';
import { identityHash } from '../db/identity-hash.js';
import { loadOrCreateSecret } from '../db/secret-file.js';
import { openPairingStore } from '../db/server/open-pairing-store.js';
import type { PairingStore } from '../db/server/pairing-store.js';
import { createAddressLimits } from './address-limits.js';
import { spendAddressBudget } from './address-guard.js';
import { Authenticator } from './auth.js';
import { resolveServerConfig, type ServerAppOptions } from './config.js';
import type { ServerContext } from './context.js';
import { errorBody, ServerError, toServerError } from './errors.js';
import { framingErrorOptions } from './framing-errors.js';
import { loggerOptions } from './logger.js';
import { bindingRoutes } from './routes/bindings.js';
import { clientRoutes } from './routes/clients.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoutes } from './routes/metrics.js';
import { HealthChecks } from './health/checks.js';
import { DrainState } from './health/drain-state.js';
import { ServerMetrics } from './metrics/server-metrics.js';
import { timedStore } from './metrics/timed-store.js';
import { sessionRoutes } from './routes/sessions.js';
import { statsRoutes } from './routes/stats.js';
import { takeoverRoutes } from './routes/takeover.js';
import { RequestStats } from './stats.js';
import { createHostPolicy, ownHostNames } from './host-policy.js';
import { guardServerSockets } from './socket-guard.js';
import { startSweeper } from './sweeper.js';
import { PairingRules } from './pairing-rules.js';
import { answerStoreUnavailable } from './store-unavailable.js';
import { attachRelay, type Relay } from './relay/attach-relay.js';

export const SERVER_KEY_FILE = 'server.key';
const VERSION = '1.0.0';

declare module 'fastify' {
  interface FastifyInstance {
    /** Request counts per route (`POST /v1/bindings` …), for tests and operators. */
    readonly stats: RequestStats;
    /** The server's store; exposed so the relay and tests can reach it. */
    readonly pairingStore: PairingStore;
    /** The relay: live sessions, matching, forwarding. */
    readonly relay: Relay;
    /** Dependency checks of /healthz and /readyz: a part with a dependency adds its check here. */
    readonly health: HealthChecks;
    /** Draining after SIGTERM (server/drain.ts): /readyz is 503 from its start. */
    readonly drainState: DrainState;
    /** Prometheus metrics; undefined unless `metrics` is on. */
    readonly metrics: ServerMetrics | undefined;
  }
}

export function buildServerApp(options: ServerAppOptions): FastifyInstance {
  const config = resolveServerConfig(options);
  const dataDir = ensureDataDir(config.dataDir);
  const { key } = loadOrCreateSecret(join(dataDir, SERVER_KEY_FILE));
  const stats = new RequestStats();
  const health = new HealthChecks();
  const drainState = new DrainState();
  // The relay is attached below; the metrics read its numbers only when scraped.
  const metrics = config.metrics ? new ServerMetrics(() => relay.stats()) : undefined;
  const app = Fastify({
    logger: loggerOptions(config),
    // While draining, requests on open connections are still served (and told to close after).
    return503OnClosing: false,
    bodyLimit: config.bodyLimitBytes,
    ...framingErrorOptions({
      code: 'MALFORMED_REQUEST',
      message: 'the request is not valid HTTP or its URL does not decode',
    }),
  });
  // The store: server.sqlite, or PostgreSQL with --database (migrated before the first request).
  const opened = openPairingStore({
    dataDir,
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
    onIdleError: (error) => app.log.warn({ err: error }, 'a PostgreSQL connection failed'),
  });
  const store = metrics ? timedStore(opened, (...a) => metrics.observeStore(...a)) : opened;
  health.add('store', () => opened.checkStore());
  const rules = new PairingRules(store, config.now, config.bindingTtlMs);
  app.addHook('onReady', () => store.open({ identityKey: key }));
  answerStoreUnavailable(app);
  // A reset connection is that client's problem only: every socket gets an 'error' listener.
  guardServerSockets(app.server, (error) =>
    app.log.debug({ code: (error as NodeJS.ErrnoException).code }, 'client socket failed'),
  );
  // Host names and origins the server answers to (DNS rebinding): HTTP routes and relay upgrades.
  const hosts = createHostPolicy({
    ownNames: ownHostNames(config.host),
    allowedHosts: config.allowedHosts,
    allowedOrigins: options.relay?.allowedOrigins,
    port: () => {
      const address = app.server.address();
      return typeof address === 'object' && address ? address.port : undefined;
    },
  });
  const addressLimits =
    config.addressLimits === false
      ? undefined
      : createAddressLimits(config.addressLimits, config.now);
  // The relay shares the HTTP server: WebSocket upgrades, the probe and the phone page.
  const relay = attachRelay(app, {
    ...options.relay,
    hosts,
    sessionTtlMs: config.sessionTtlMs,
    now: config.now,
    ...(metrics && { onRefusal: (code: string) => metrics.countRefusal('relay', code) }),
    ...(options.relayCluster ? { cluster: options.relayCluster } : {}),
  });
  app.decorate('relay', relay);
  // With --redis the relay's sessions, seats and frames are in Redis: a dependency like the store.
  if (options.relayCluster) health.add('redis', () => relay.checkRedis());
  const context: ServerContext = {
    config,
    store,
    rules,
    stats,
    relay,
    addressLimits,
    hosts,
    auth: new Authenticator(store.clients, (clientId) => rules.clientSeen(clientId)),
    hashIdentity: (identity) => identityHash(key, identity),
  };

  // The API speaks JSON only; any other body type is a 415, not a string to validate.
  app.removeContentTypeParser('text/plain');
  app.decorate('stats', stats);
  app.decorate('pairingStore', store);
  app.decorate('health', health);
  app.decorate('drainState', drainState);
  app.decorate('metrics', metrics);

  app.addHook('onRequest', async (request, reply) => {
    stats.count(`${request.method} ${request.routeOptions.url ?? '(unmatched)'}`);
    if (drainState.draining) reply.header('connection', 'close');
    if (!hosts.allowsHost(request.headers.host)) {
      throw new ServerError('HOST_NOT_ALLOWED', 'this server does not answer to that host name');
    }
    spendAddressBudget(addressLimits, 'requests', request, reply);
  });
  app.setErrorHandler((error, request, reply) => {
    const served = toServerError(error);
    metrics?.countRefusal('http', served.code);
    if (served.code === 'INTERNAL') request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: served.code }, 'request refused');
    if (served.code === 'UNAUTHENTICATED') reply.header('www-authenticate', 'Bearer');
    return reply.code(served.statusCode).send(errorBody(served.code, served.message));
  });
  app.setNotFoundHandler((_request, reply) => {
    metrics?.countRefusal('http', 'NOT_FOUND');
    return reply.code(404).send(errorBody('NOT_FOUND', 'no such route'));
  });

  if (config.rateLimit) {
    const limit = config.rateLimit;
    app.register(rateLimit, {
      global: true,
      max: limit.max,
      timeWindow: limit.timeWindowMs,
      // A verified client gets its own bucket; everything else shares its IP's.
      keyGenerator: async (request) => {
        const result = await context.auth.check(request);
        return 'clientId' in result ? `client:${result.clientId}` : `ip:${request.ip}`;
      },
      errorResponseBuilder: (_request, info) =>
        new ServerError('RATE_LIMITED', `too many requests, retry in ${info.after}`),
    });
  }
  app.register(healthRoutes({ version: VERSION, checks: health, drain: drainState }));
  if (metrics) app.register(metricsRoutes(metrics));
  app.register(clientRoutes(context));
  app.register(bindingRoutes(context));
  app.register(sessionRoutes(context));
  app.register(takeoverRoutes(context, key));
  if (config.exposeStats) app.register(statsRoutes(context));
  options.extend?.(app);

  const stopSweeper = startSweeper(rules, config.sweepIntervalMs, app.log);
  app.addHook('onClose', async () => {
    stopSweeper();
    await store.close();
  });
  return app;
}
