// One relay node for bench/cluster, in its own process so its CPU is its own: the Tandem relay with
// its sessions in Redis (`redis://…`), or in memory (`memory`). Prints `READY <port>`.
import { connectRelayCluster } from '../../server/relay/cluster/relay-cluster.js';
import { quietLog, startBenchRelay } from '../support/bench-relay.js';

const [store, nodeId] = process.argv.slice(2);
if (!store) {
  console.error('usage: node-process.ts memory|redis://… [node id]');
  process.exit(2);
}
const cluster =
  store === 'memory' ? undefined : await connectRelayCluster({ url: store, nodeId, log: quietLog });
// The relay's default limits and options, as `tandem server --redis` runs it.
const { app, port } = await startBenchRelay(cluster ? { cluster } : {});
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
process.stdout.write(`READY ${port}\n`);
