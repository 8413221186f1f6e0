// The pairing server as a fastify instance, built apart from listen() so tests can inject requests
// and the agent can embed it. Opens server.sqlite and server.key in the data folder; app.close()
// closes them.
import { join } from 'node:path';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { ensureDataDir } from '../db/data-dir.js';
import { identityHash } from '../db/identity-hash.js';
import { loadOrCreateSecret } from '../db/secret-file.js';
import { ServerStore } from '../db/server/server-store.js';
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
import { sessionRoutes } from './routes/sessions.js';
import { statsRoutes } from './routes/stats.js';
import { RequestStats } from './stats.js';
import { createHostPolicy, ownHostNames } from './host-policy.js';
import { guardServerSockets } from './socket-guard.js';
import { startSweeper } from './sweeper.js';
import { attachRelay, type Relay } from './relay/attach-relay.js';

export const SERVER_KEY_FILE = 'server.key';
const VERSION = '1.0.0';

declare module 'fastify' {
  interface FastifyInstance {
    /** Request counts per route (`POST /v1/bindings` …), for tests and operators. */
    readonly stats: RequestStats;
    /** The server's store; exposed so the relay and tests can reach it. */
    readonly pairingStore: ServerStore;
    /** The relay: live sessions, matching, forwarding. */
    readonly relay: Relay;
  }
}

export function buildServerApp(options: ServerAppOptions): FastifyInstance {
  const config = resolveServerConfig(options);
  const dataDir = ensureDataDir(config.dataDir);
  const { key } = loadOrCreateSecret(join(dataDir, SERVER_KEY_FILE));
  const store = ServerStore.open({ dataDir, bindingTtlMs: config.bindingTtlMs, now: config.now });
  const stats = new RequestStats();
  const app = Fastify({
    logger: loggerOptions(config),
    bodyLimit: config.bodyLimitBytes,
    ...framingErrorOptions({
      code: 'MALFORMED_REQUEST',
      message: 'the request is not valid HTTP or its URL does not decode',
    }),
  });
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
    ...(options.relayCluster ? { cluster: options.relayCluster } : {}),
  });
  app.decorate('relay', relay);
  const context: ServerContext = {
    config,
    store,
    stats,
    relay,
    addressLimits,
    hosts,
    auth: new Authenticator(store.clients),
    hashIdentity: (identity) => identityHash(key, identity),
  };

  // The API speaks JSON only; any other body type is a 415, not a string to validate.
  app.removeContentTypeParser('text/plain');
  app.decorate('stats', stats);
  app.decorate('pairingStore', store);

  app.addHook('onRequest', async (request, reply) => {
    stats.count(`${request.method} ${request.routeOptions.url ?? '(unmatched)'}`);
    if (!hosts.allowsHost(request.headers.host)) {
      throw new ServerError('HOST_NOT_ALLOWED', 'this server does not answer to that host name');
    }
    spendAddressBudget(addressLimits, 'requests', request, reply);
  });
  app.setErrorHandler((error, request, reply) => {
    const served = toServerError(error);
    if (served.code === 'INTERNAL') request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: served.code }, 'request refused');
    if (served.code === 'UNAUTHENTICATED') reply.header('www-authenticate', 'Bearer');
    return reply.code(served.statusCode).send(errorBody(served.code, served.message));
  });
  app.setNotFoundHandler((_request, reply) => {
    return reply.code(404).send(errorBody('NOT_FOUND', 'no such route'));
  });

  if (config.rateLimit) {
    const limit = config.rateLimit;
    app.register(rateLimit, {
      global: true,
      max: limit.max,
      timeWindow: limit.timeWindowMs,
      // A verified client gets its own bucket; everything else shares its IP's.
      keyGenerator: (request) => {
        const result = context.auth.check(request);
        return 'clientId' in result ? `client:${result.clientId}` : `ip:${request.ip}`;
      },
      errorResponseBuilder: (_request, info) =>
        new ServerError('RATE_LIMITED', `too many requests, retry in ${info.after}`),
    });
  }
  app.register(healthRoutes(VERSION));
  app.register(clientRoutes(context));
  app.register(bindingRoutes(context));
  app.register(sessionRoutes(context));
  if (config.exposeStats) app.register(statsRoutes(context));
  options.extend?.(app);

  const stopSweeper = startSweeper(store, config.sweepIntervalMs, app.log);
  app.addHook('onClose', async () => {
    stopSweeper();
    store.close();
  });
  return app;
}
