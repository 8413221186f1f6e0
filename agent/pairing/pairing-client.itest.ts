// How the agent's client fails: nothing listening, a server that never answers, a caller abort,
// an answer that is not the protocol, and a server that forgot the stored account.
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { freePort } from '../../testing/free-port.js';
import { HistoryStore } from '../../db/agent/history-store.js';
import { startServer } from '../../server/listen.js';
import { tempDir } from '../../testing/server-app.js';
import { ensureAccount } from './ensure-account.js';
import { PairingClient } from './pairing-client.js';

const identity = { kind: 'serial' as const, value: 'R58M12ABCDE' };

describe('PairingClient failures', () => {
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => sockets.add(socket));
  let silentUrl = '';
  let liar: Server;
  let liarUrl = '';
  before(async () => {
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    liar = createHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"maybe"}');
    });
    await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
    liarUrl = `http://127.0.0.1:${(liar.address() as { port: number }).port}`;
  });
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
    await new Promise((resolve) => liar.close(resolve));
  });

  const account = { clientId: 'c_x', credential: 'y'.repeat(43) };

  it('SERVER_UNREACHABLE when nothing listens', async () => {
    const client = new PairingClient({
      serverUrl: `http://127.0.0.1:${await freePort()}`,
      account,
    });
    await assert.rejects(client.lookup(identity), { code: 'SERVER_UNREACHABLE' });
  });

  it('SERVER_TIMEOUT when the server never answers, ABORTED when the caller gives up', async () => {
    const client = new PairingClient({ serverUrl: silentUrl, account, timeoutMs: 200 });
    await assert.rejects(client.bind(identity), { code: 'SERVER_TIMEOUT' });
    const patient = new PairingClient({ serverUrl: silentUrl, account, timeoutMs: 10_000 });
    const controller = new AbortController();
    const pending = patient.lookup(identity, { signal: controller.signal });
    controller.abort();
    await assert.rejects(pending, { code: 'ABORTED' });
  });

  it('BAD_RESPONSE for an answer outside the protocol, NO_ACCOUNT before registering', async () => {
    await assert.rejects(new PairingClient({ serverUrl: liarUrl, account }).lookup(identity), {
      code: 'BAD_RESPONSE',
    });
    await assert.rejects(new PairingClient({ serverUrl: liarUrl }).lookup(identity), {
      code: 'NO_ACCOUNT',
    });
    assert.throws(() => new PairingClient({ serverUrl: 'ftp://x' }), {
      code: 'INVALID_SERVER_URL',
    });
  });

  it('ensureAccount with verify registers again when the server forgot the account', async () => {
    const agentDir = tempDir('tandem-client-agent-');
    const first = tempDir('tandem-client-server-a-');
    const second = tempDir('tandem-client-server-b-');
    const port = await freePort();
    const history = HistoryStore.open({ dataDir: agentDir.path });
    try {
      let server = await startServer({ port, dataDir: first.path });
      const original = await ensureAccount(history, server.url);
      await server.close();
      // Same URL, wiped data: the stored credentials are unknown there.
      server = await startServer({ port, dataDir: second.path });
      await assert.rejects(original.client.whoami(), { code: 'UNAUTHENTICATED', status: 401 });
      const renewed = await ensureAccount(history, server.url, { verify: true });
      assert.equal(renewed.created, true);
      assert.notEqual(renewed.account.clientId, original.account.clientId);
      assert.equal(history.getServerAccount(server.url)?.clientId, renewed.account.clientId);
      await server.close();
    } finally {
      history.close();
      for (const dir of [agentDir, first, second]) dir.remove();
    }
  });
});
