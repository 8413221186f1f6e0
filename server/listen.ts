// Starts the pairing server on a host and port (loopback unless told otherwise).
import type { FastifyInstance } from 'fastify';
import { buildServerApp } from './app.js';
import type { ServerAppOptions } from './config.js';
import { drainServer } from './drain.js';

import { DEFAULT_SERVER_HOST, DEFAULT_SERVER_PORT } from './server-defaults.js';

export { DEFAULT_SERVER_HOST, DEFAULT_SERVER_PORT };

export interface ListenOptions extends ServerAppOptions {
  host?: string;
  /** 0 picks a free port. Default 7341. */
  port?: number;
  /** Several relay nodes serve one session through this Redis (`--redis`); in memory when absent. */
  redis?: { url: string; nodeId?: string | undefined };
}

export interface RunningServer {
  app: FastifyInstance;
  /** e.g. `http://127.0.0.1:7341` (IPv6 hosts in brackets). */
  url: string;
  port: number;
  close(): Promise<void>;
  /** SIGTERM's way out: readiness off, terminals told to reconnect, requests finished, store closed. */
  drain(timeoutMs: number): Promise<void>;
}

export async function startServer(options: ListenOptions): Promise<RunningServer> {
  const host = options.host ?? DEFAULT_SERVER_HOST;
  // Loaded only with --redis: a server without it loads no Redis code.
  const relayCluster = options.redis
    ? await (
        await import('./relay/cluster/relay-cluster.js')
      ).connectRelayCluster({ url: options.redis.url, nodeId: options.redis.nodeId })
    : options.relayCluster;
  let app: FastifyInstance;
  try {
    app = buildServerApp({ ...options, ...(relayCluster ? { relayCluster } : {}) });
  } catch (error) {
    await relayCluster?.close();
    throw error;
  }
  try {
    await app.listen({ host, port: options.port ?? DEFAULT_SERVER_PORT });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    app,
    url: `http://${shownHost}:${port}`,
    port,
    close: () => app.close(),
    drain: (timeoutMs) => drainServer(app, timeoutMs),
  };
}
