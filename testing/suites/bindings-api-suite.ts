// The binding rules through the HTTP API (app.inject): a phone is bound to one client at a time,
// and a binding to another client is kept, not taken over. Run on SQLite by
// server/bindings-api.test.ts and on a real PostgreSQL by server/bindings-api.itest.ts.
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { imeiIdentity, post, registerClient, testApp, type TestClient } from '../server-app.js';
import { testStoreTarget, type StoreKind, type TestStoreTarget } from '../test-store.js';

const DAY = 86_400_000;

export function bindingsApiSuite(kind: StoreKind): void {
  describe(`bindings API on ${kind}`, () => {
    let target: TestStoreTarget;
    let clock = 1_700_000_000_000;
    let app: FastifyInstance;
    let alice: TestClient;
    let bob: TestClient;
    const body = { identity: imeiIdentity };
    const status = async (client: TestClient) =>
      (await post(app, '/v1/bindings/lookup', client, body)).body.status;

    before(async () => {
      target = await testStoreTarget(kind, 'tandem-bindings-');
      app = testApp(target.dataDir, {
        now: () => clock,
        bindingTtlDays: 90,
        ...(target.databaseUrl && { databaseUrl: target.databaseUrl }),
      });
      alice = await registerClient(app);
      bob = await registerClient(app);
    });
    after(async () => {
      await app.close();
      await target.dispose();
    });

    it('answers unbound, then bound-to-you / bound-to-another after a bind', async () => {
      assert.equal(await status(alice), 'unbound');
      const bound = await post(app, '/v1/bindings', alice, body);
      assert.deepEqual(
        [bound.status, bound.body],
        [200, { status: 'bound-to-you', created: true }],
      );
      const again = await post(app, '/v1/bindings', alice, body);
      assert.deepEqual(
        [again.status, again.body],
        [200, { status: 'bound-to-you', created: false }],
      );
      const conflict = await post(app, '/v1/bindings', bob, body);
      assert.deepEqual([conflict.status, conflict.code], [409, 'BINDING_CONFLICT']);
      assert.ok(
        !JSON.stringify(conflict.body).includes(alice.clientId),
        'the owner is not revealed',
      );
      assert.equal(await status(alice), 'bound-to-you');
      assert.equal(await status(bob), 'bound-to-another');
    });

    it('refuses a release by another client, then lets the owner release', async () => {
      const refused = await post(app, '/v1/bindings/release', bob, body);
      assert.deepEqual([refused.status, refused.code], [403, 'NOT_BINDING_OWNER']);
      const touchRefused = await post(app, '/v1/bindings/touch', bob, body);
      assert.deepEqual([touchRefused.status, touchRefused.code], [403, 'NOT_BINDING_OWNER']);
      const released = await post(app, '/v1/bindings/release', alice, body);
      assert.deepEqual([released.status, released.body], [200, { released: true }]);
      const idempotent = await post(app, '/v1/bindings/release', alice, body);
      assert.deepEqual(idempotent.body, { released: false });
      assert.equal(await status(bob), 'unbound');
      assert.equal((await post(app, '/v1/bindings', bob, body)).status, 200);
    });

    it('frees a binding not seen for bindingTtlDays, while touches keep it', async () => {
      clock += 80 * DAY;
      assert.equal((await post(app, '/v1/bindings/touch', bob, body)).status, 200);
      clock += 80 * DAY;
      assert.equal(await status(alice), 'bound-to-another', 'touched 80 days ago: still bound');
      clock += 11 * DAY;
      assert.equal(await status(alice), 'unbound', 'not seen for 91 days: free');
      assert.equal((await post(app, '/v1/bindings', alice, body)).status, 200);
      assert.equal(await status(bob), 'bound-to-another');
    });

    it('creates sessions and keeps only the hash of their secret', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/sessions',
        headers: alice.headers,
      });
      assert.equal(response.statusCode, 201);
      const session = response.json<{
        sessionId: string;
        pageId: string;
        secret: string;
        expiresAt: string;
      }>();
      assert.match(session.secret, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(Date.parse(session.expiresAt), clock + 720 * 60_000);
      const stored = (await app.pairingStore.sessions.find(session.sessionId))!;
      assert.equal(stored.pageId, session.pageId);
      assert.equal(stored.clientId, alice.clientId);
      // Only the SHA-256 of the secret is kept: the stored bytes are that digest and nothing more.
      assert.deepEqual(stored.secretHash, createHash('sha256').update(session.secret).digest());
    });

    it('counts requests per route and tells a client who it is', async () => {
      const me = await app.inject({ method: 'GET', url: '/v1/clients/me', headers: alice.headers });
      assert.deepEqual(me.json(), { clientId: alice.clientId });
      const before = app.stats.get('POST /v1/bindings');
      await post(app, '/v1/bindings/lookup', alice, body);
      assert.equal(app.stats.get('POST /v1/bindings'), before, 'a lookup is not a bind');
      await post(app, '/v1/bindings', alice, body);
      assert.equal(app.stats.get('POST /v1/bindings'), before + 1);
      const stats = await app.inject({ method: 'GET', url: '/v1/stats', headers: alice.headers });
      assert.equal(stats.statusCode, 404, 'stats are not served unless exposeStats is set');
    });
  });
}
