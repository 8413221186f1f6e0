// PostgreSQL stopped under a running server: requests that need the store answer 503
// STORE_UNAVAILABLE with a Retry-After, the server itself stays up, and the same requests succeed
// again once PostgreSQL is back, without restarting the server.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from './listen.js';
import { STORE_RETRY_AFTER_S } from './store-unavailable.js';
import { imeiIdentity } from '../testing/server-app.js';
import { testStoreTarget, type TestStoreTarget } from '../testing/test-store.js';

describe('PostgreSQL down under a running server', () => {
  let target: TestStoreTarget;
  let server: RunningServer;
  let authorization = '';
  const call = (path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(body ?? {}),
    });

  before(async () => {
    target = await testStoreTarget('postgres', 'tandem-pg-down-');
    server = await startServer({
      host: '127.0.0.1',
      port: 0,
      dataDir: target.dataDir,
      databaseUrl: target.databaseUrl!,
    });
    const registered = await call('/v1/clients');
    assert.equal(registered.status, 201);
    const { clientId, credential } = (await registered.json()) as Record<string, string>;
    authorization = `Bearer ${clientId}.${credential}`;
    assert.equal((await call('/v1/bindings', { identity: imeiIdentity })).status, 200);
  });
  after(async () => {
    await server?.close();
    await target?.dispose();
  });

  it('answers 503 STORE_UNAVAILABLE with Retry-After while it is down, and recovers', async () => {
    await target.postgres!.halt();
    await assert.rejects(server.app.pairingStore.checkStore(), { code: 'STORE_UNAVAILABLE' });
    for (const [path, body] of [
      ['/v1/bindings/lookup', { identity: imeiIdentity }],
      ['/v1/bindings', { identity: imeiIdentity }],
      ['/v1/clients', {}],
    ] as const) {
      const response = await call(path, body);
      assert.equal(response.status, 503, path);
      assert.equal(response.headers.get('retry-after'), String(STORE_RETRY_AFTER_S), path);
      const answer = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(answer.error.code, 'STORE_UNAVAILABLE', path);
      assert.ok(!answer.error.message.includes('ECONNREFUSED'), 'no driver detail leaks');
    }

    await target.postgres!.restart();
    await server.app.pairingStore.checkStore();
    const lookup = await call('/v1/bindings/lookup', { identity: imeiIdentity });
    assert.equal(lookup.status, 200);
    assert.deepEqual(await lookup.json(), { status: 'bound-to-you' });
  });
});
