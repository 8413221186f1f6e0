// Several real `tandem server` processes sharing one real Redis (testing/redis.ts), each on its own
// fixed loopback port so a test can kill one hard and start it again: the relay across nodes.
import type { Role } from '../protocol/relay-frames.js';
import { buildSessionUrl } from '../protocol/session-url.js';
import { freePort } from './free-port.js';
import { PairingClient } from './agent-pairing-client.js';
import { generateSealKey } from './relay-client-parts.js';
import { startRedis, type RedisServer } from './redis.js';
import { tempDir } from './server-app.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

export interface ClusterNodeProcess {
  readonly id: string;
  readonly port: number;
  readonly url: string;
  /** What the node logged (JSON lines on stderr) since it last started. */
  output(): string;
  /** SIGKILL to the node's process group. */
  kill(): Promise<void>;
  /** Starts the node again on the same port, with the same id. */
  restart(): Promise<void>;
}

export interface RelayClusterRig {
  readonly redis: RedisServer;
  readonly nodes: ClusterNodeProcess[];
  /** A session created on `node` (POST /v1/sessions), its URL for a terminal on any node. */
  createSession(
    node: ClusterNodeProcess,
  ): Promise<{ urlOn(node: ClusterNodeProcess, role: Role): string }>;
  stop(): Promise<void>;
}

export async function startRelayCluster(count: number): Promise<RelayClusterRig> {
  const redis = await startRedis();
  const dirs: Array<{ remove(): void }> = [];
  const nodes: ClusterNodeProcess[] = [];
  try {
    for (let index = 0; index < count; index++) {
      const dir = tempDir('tandem-cluster-node-');
      dirs.push(dir);
      const port = await freePort();
      const id = `node-${index + 1}`;
      const start = () =>
        startServerProcess({
          port,
          dataDir: dir.path,
          args: ['--redis', redis.url, '--node-id', id],
        });
      let process: ServerProcess = await start();
      nodes.push({
        id,
        port,
        url: process.url,
        output: () => process.output(),
        kill: () => process.kill(),
        async restart() {
          process = await start();
        },
      });
    }
  } catch (error) {
    await Promise.all(nodes.map((node) => node.kill()));
    await redis.stop();
    throw error;
  }
  return {
    redis,
    nodes,
    async createSession(node) {
      const client = new PairingClient({ serverUrl: node.url });
      await client.register();
      const created = await client.createSession();
      const sealKey = generateSealKey();
      const tokens = created.tokens;
      if (!tokens) throw new Error('the server gave no role tokens');
      return {
        urlOn: (on, role) =>
          buildSessionUrl({
            server: on.url,
            pageId: created.pageId,
            ...(role === 'pc' ? { secret: created.secret } : { token: tokens[role] }),
            sealKey,
          }),
      };
    },
    async stop() {
      await Promise.all(nodes.map((node) => node.kill()));
      await redis.stop();
      for (const dir of dirs) dir.remove();
    },
  };
}
