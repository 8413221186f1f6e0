// The rate limits across nodes: a terminal's budget lives in Redis, so one that spent its burst on
// node A and comes back on node B (whose connection has a full local bucket) is still over it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { WebSocket } from 'ws';
import { rawTextFrame } from '../../../testing/raw-frames.js';
import { startRedis, type RedisServer } from '../../../testing/redis.js';
import { rawUpgrade, startRelayServer, type RelayServer } from '../../../testing/relay-server.js';
import { waitFor } from '../../../testing/wait.js';
import { connectRelayCluster } from './relay-cluster.js';

const text = (seq: number) => rawTextFrame(seq, `m${seq}`);

describe('relay across nodes: shared rate limits', { timeout: 60_000 }, () => {
  let redis: RedisServer;
  const servers: RelayServer[] = [];
  const sockets: WebSocket[] = [];
  before(async () => {
    redis = await startRedis();
    for (const nodeId of ['a', 'b']) {
      const cluster = await connectRelayCluster({ url: redis.url, nodeId });
      // 1 message/s with a burst of 20: a full local bucket lets 25 frames through throttled.
      servers.push(await startRelayServer({ messagesPerSecond: 1, messageBurst: 20, cluster }));
    }
  });
  after(async () => {
    for (const socket of sockets) socket.terminate();
    for (const server of servers) await server.close();
    await redis?.stop();
  });

  it('refuses on node B a terminal that spent its burst on node A', async () => {
    const [a, b] = servers as [RelayServer, RelayServer];
    const session = a.relay.createSession();
    const open = async (server: RelayServer) => {
      const base = server.base.replace('http', 'ws');
      const url = `${base}/v1/relay?v=2&page=${session.pageId}&role=pc&k=${session.secret}`;
      const outcome = await rawUpgrade(url);
      assert.ok(outcome.opened, 'the pc joined');
      sockets.push(outcome.socket);
      return outcome.socket;
    };
    const onA = await open(a);
    for (let seq = 1; seq <= 20; seq++) onA.send(text(seq));
    const leftA = new Promise((resolve) => onA.once('close', resolve));
    onA.close(1000);
    await leftA;
    // The seat is free once node A has let it go; B's connection starts with a full local bucket.
    let onB: WebSocket | undefined;
    await waitFor('the pc joins on node B', async () => {
      const base = b.base.replace('http', 'ws');
      const url = `${base}/v1/relay?v=2&page=${session.pageId}&role=pc&k=${session.secret}`;
      const outcome = await rawUpgrade(url);
      if (!outcome.opened) return false;
      sockets.push(outcome.socket);
      onB = outcome.socket;
      return true;
    });
    const frames: string[] = [];
    onB!.on('message', (data) => frames.push(String(data)));
    const closed = new Promise<number>((resolve) => onB!.once('close', (code) => resolve(code)));
    for (let seq = 1; seq <= 25; seq++) onB!.send(text(seq));
    assert.equal(await closed, 4400);
    assert.ok(
      frames.some((frame) => frame.includes('"code":"RELAY_RATE_LIMITED"')),
      `refused for its rate: ${frames.join(' ')}`,
    );
  });
});
