// The relay across nodes (--redis): connects to Redis and makes the registry whose sessions live
// there. Imported lazily (see cluster-option.ts): without --redis no Redis code is loaded.
import type { RelayLogger } from '../relay-logger.js';
import type { RelaySessionDeps } from '../relay-session-deps.js';
import type { SessionRegistry } from '../session-registry.js';
import { ClusterNode, DEFAULT_LEASE_MS } from './cluster-node.js';
import { RedisLink } from './redis-link.js';
import { RedisSessionRegistry } from './redis-session-registry.js';

export interface RelayClusterOptions {
  /** redis://host:port/db */
  url: string;
  nodeId?: string | undefined;
  log?: RelayLogger;
  /** Seat lease; default 10 s. */
  leaseMs?: number;
}

export interface RelayCluster {
  readonly nodeId: string;
  /** Called once by attachRelay. */
  createRegistry(deps: RelaySessionDeps & { now: () => number }): SessionRegistry;
  /** Resolves when Redis answers; the health probe. */
  checkRedis(): Promise<void>;
  /** Terminals connected to this node. */
  terminalCount(): number;
  close(): Promise<void>;
}

export async function connectRelayCluster(options: RelayClusterOptions): Promise<RelayCluster> {
  const redis = new RedisLink({ url: options.url, nodeId: options.nodeId, log: options.log });
  try {
    await redis.connect();
  } catch (error) {
    // ioredis would keep retrying in the background: a node that cannot start must not linger.
    await redis.close();
    throw new Error(
      `cannot reach Redis at ${redactUrl(options.url)}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  let node: ClusterNode | undefined;
  return {
    nodeId: redis.nodeId,
    createRegistry(deps) {
      if (node) throw new Error('the relay cluster serves one relay');
      redis.useLogger(deps.log);
      node = new ClusterNode(redis, deps, options.leaseMs ?? DEFAULT_LEASE_MS);
      return new RedisSessionRegistry(node);
    },
    checkRedis: () => redis.check(),
    terminalCount: () => node?.terminalCount ?? 0,
    async close() {
      node?.stop();
      await redis.close();
    },
  };
}

/** The URL without its password, for messages. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the given URL';
  }
}
