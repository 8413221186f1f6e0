// The pairing server over real HTTP on loopback, driven by the agent's real client: the bind race,
// restart survival, and the privacy promise (no raw IMEI in any file or log line of the run). Once
// on SQLite and once on a real PostgreSQL (whose data folder is scanned too).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HistoryStore } from '../db/agent/history-store.js';
import {
  ensureAccount,
  PairingClient,
  type PairingClientError,
} from '../testing/agent-pairing-client.js';
import { startServer, type RunningServer } from './listen.js';
import { tempDir, TEST_IMEI } from '../testing/server-app.js';
import { STORE_KINDS, testStoreTarget, type TestStoreTarget } from '../testing/test-store.js';

// A whole PhoneIdentity (masked, imeis): the client must send only kind and value.
const phone = { kind: 'imei' as const, value: TEST_IMEI, masked: '****7518', imeis: [TEST_IMEI] };

for (const kind of STORE_KINDS)
  describe(`pairing server over HTTP on ${kind}`, () => {
    let target: TestStoreTarget;
    const serverDir = { path: '' };
    const agentDir = tempDir('tandem-itest-agent-');
    const logLines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString('utf8'));
        done();
      },
    });
    let server: RunningServer;
    let port = 0;
    const start = async () => {
      // A restart keeps the port: the agent stores its account per server URL.
      server = await startServer({
        host: '127.0.0.1',
        port,
        dataDir: serverDir.path,
        ...(target.databaseUrl && { databaseUrl: target.databaseUrl }),
        log: { stream: logStream, level: 'trace' },
      });
      port = server.port;
    };
    const scanForImei = (): string[] => {
      const scanned: string[] = [];
      const dirs = [
        serverDir.path,
        agentDir.path,
        ...(target.postgres ? [target.postgres.dataDir] : []),
      ];
      for (const dir of dirs) {
        for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile()) continue;
          const path = join(entry.parentPath, entry.name);
          assert.ok(!readFileSync(path).includes(TEST_IMEI), `${path} holds no raw IMEI`);
          scanned.push(entry.name);
        }
      }
      return scanned;
    };

    before(async () => {
      target = await testStoreTarget(kind, 'tandem-itest-server-');
      serverDir.path = target.dataDir;
      await start();
    });
    after(async () => {
      await server.close();
      scanForImei();
      const log = logLines.join('');
      assert.ok(logLines.length > 100, 'the log was captured');
      assert.ok(!log.includes(TEST_IMEI), 'the log holds no raw IMEI');
      assert.ok(!/Bearer [A-Za-z0-9_-]+\./.test(log), 'the log holds no credential');
      await target.dispose();
      agentDir.remove();
    });

    let clients: PairingClient[] = [];
    let winner: PairingClient;

    it('lets exactly one of 50 clients racing for one phone bind it', async () => {
      clients = Array.from({ length: 50 }, () => new PairingClient({ serverUrl: server.url }));
      await Promise.all(clients.map((client) => client.register()));
      const results = await Promise.allSettled(clients.map((client) => client.bind(phone)));
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      assert.equal(won.length, 1);
      assert.equal(lost.length, 49);
      for (const loss of lost) {
        const error = (loss as PromiseRejectedResult).reason as PairingClientError;
        assert.equal(error.code, 'BINDING_CONFLICT');
        assert.equal(error.status, 409);
      }
      winner = clients[results.indexOf(won[0]!)]!;
      assert.deepEqual((won[0] as PromiseFulfilledResult<unknown>).value, {
        status: 'bound-to-you',
        created: true,
      });
      assert.equal(await winner.lookup(phone), 'bound-to-you');
      const other = clients.find((c) => c !== winner)!;
      assert.equal(await other.lookup(phone), 'bound-to-another');
      assert.equal(await server.app.pairingStore.bindings.count(), 1);
      const scanned = scanForImei();
      const files =
        kind === 'sqlite'
          ? ['server.sqlite', 'server.sqlite-wal', 'server.sqlite-shm']
          : ['PG_VERSION'];
      for (const name of [...files, 'server.key']) {
        assert.ok(scanned.includes(name), `${name} was scanned`);
      }
    });

    it('refuses malformed JSON carrying an IMEI without echoing it', async () => {
      const response = await fetch(`${server.url}/v1/bindings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"identity":{"kind":"imei","value":${TEST_IMEI}`,
      });
      assert.equal(response.status, 400);
      const text = await response.text();
      assert.equal(JSON.parse(text).error.code, 'MALFORMED_JSON');
      assert.ok(!text.includes(TEST_IMEI));
    });

    it('passes release from the owner to another client', async () => {
      const other = clients.find((c) => c !== winner)!;
      await assert.rejects(other.release(phone), { code: 'NOT_BINDING_OWNER', status: 403 });
      assert.deepEqual(await winner.release(phone), { released: true });
      assert.equal(await other.lookup(phone), 'unbound');
      assert.deepEqual(await other.bind(phone), { status: 'bound-to-you', created: true });
      winner = other;
      const session = await winner.createSession();
      assert.ok(session.pageId.length > 10 && session.secret.length === 43);
    });

    it('keeps clients, bindings and history across a restart', async () => {
      const history = HistoryStore.open({ dataDir: agentDir.path });
      const { client, created } = await ensureAccount(history, server.url);
      assert.equal(created, true);
      await client.bind({ kind: 'serial', value: 'R58M12ABCDE' });
      const recorded = history.recordPaired({
        identity: phone,
        model: 'Pixel 7',
        manufacturer: 'Google',
        serial: 'emulator-5554',
      });
      scanForImei();
      history.close();
      await server.close();

      await start();
      const reopened = HistoryStore.open({ dataDir: agentDir.path });
      assert.equal(reopened.find(phone)?.maskedIdentity, '****7518');
      assert.equal(reopened.find(phone)?.identityHash, recorded.identityHash);
      const again = await ensureAccount(reopened, `${server.url}/`, { verify: true });
      assert.equal(again.created, false, 'the stored account is still known to the server');
      assert.equal(again.account.clientId, client.account?.clientId);
      assert.equal(
        await again.client.lookup({ kind: 'serial', value: 'R58M12ABCDE' }),
        'bound-to-you',
      );
      const moved = new PairingClient({ serverUrl: server.url, account: winner.account! });
      assert.equal(await moved.lookup(phone), 'bound-to-you');
      reopened.close();
    });

    it('registers one account for concurrent ensureAccount calls, then reuses it', async () => {
      const dir = join(agentDir.path, 'second');
      const history = HistoryStore.open({ dataDir: dir });
      const registrations = server.app.stats.get('POST /v1/clients');
      const [a, b] = await Promise.all([
        ensureAccount(history, server.url),
        ensureAccount(history, server.url),
      ]);
      assert.equal(a.account.clientId, b.account.clientId);
      const c = await ensureAccount(history, server.url);
      assert.equal(c.created, false);
      assert.equal(server.app.stats.get('POST /v1/clients'), registrations + 1);
      history.close();
    });
  });
