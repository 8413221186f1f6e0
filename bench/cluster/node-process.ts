// One relay node for bench/cluster, in its own process so its CPU is its own: the Tandem relay with
// its sessions in Redis (`redis://…`), or in memory (`memory`). Prints `READY <port>`.
import Fastify from 'fastify';
import { attachRelay } from '../../server/relay/attach-relay.js';
import { connectRelayCluster } from '../../server/relay/cluster/relay-cluster.js';

const [store, nodeId] = process.argv.slice(2);
if (!store) {
  console.error('usage: node-process.ts memory|redis://… [node id]');
  process.exit(2);
}
const quiet = { debug() {}, info() {}, warn() {}, isLevelEnabled: () => false };
const cluster =
  store === 'memory' ? undefined : await connectRelayCluster({ url: store, nodeId, log: quiet });
const app = Fastify({ logger: false });
// The relay's default limits and options, as `tandem server --redis` runs it.
const relay = attachRelay(app, { logger: quiet, ...(cluster ? { cluster } : {}) });
// Bench only: many sessions in one call (the real server creates one per authenticated request).
app.post('/bench/sessions', async (request) => {
  const { n } = request.body as { n: number };
  return Array.from({ length: n }, () => {
    const created = relay.createSession();
    return { pageId: created.pageId, secret: created.secret };
  });
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0}\n`);
