// The takeover through the HTTP API (app.inject): the ticket, the page and its script, the
// confirmation and each refusal with its code and status, and the old owner told BINDING_MOVED at
// its lookup and touch. Run on SQLite by server/takeover-api.test.ts and on a real PostgreSQL by
// server/takeover-api.itest.ts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { imeiIdentity, post, registerClient, testApp, type TestClient } from '../server-app.js';
import { testStoreTarget, type StoreKind, type TestStoreTarget } from '../test-store.js';

export function takeoverApiSuite(kind: StoreKind): void {
  describe(`takeover API on ${kind}`, () => {
    let target: TestStoreTarget;
    let clock = 1_700_000_000_000;
    let app: FastifyInstance;
    let old: TestClient;
    let next: TestClient;
    const body = { identity: imeiIdentity };
    const ticketFor = async (client: TestClient) =>
      post(app, '/v1/bindings/takeover-ticket', client, body);
    const confirm = (ticket: unknown) => post(app, '/v1/takeover/confirm', undefined, { ticket });

    before(async () => {
      target = await testStoreTarget(kind, 'tandem-takeover-');
      app = testApp(target.dataDir, {
        now: () => clock,
        ...(target.databaseUrl && { databaseUrl: target.databaseUrl }),
      });
      old = await registerClient(app);
      next = await registerClient(app);
    });
    after(async () => {
      await app.close();
      await target.dispose();
    });

    it('gives no ticket for a phone not bound to another', async () => {
      const refused = await ticketFor(next);
      assert.deepEqual([refused.status, refused.code], [409, 'TAKEOVER_NOT_NEEDED']);
      assert.equal((await ticketFor(old)).code, 'TAKEOVER_NOT_NEEDED');
      assert.equal((await post(app, '/v1/bindings/takeover-ticket', undefined, body)).status, 401);
    });

    it('refuses an altered, an expired and a used ticket; moves once', async () => {
      assert.equal((await post(app, '/v1/bindings', old, body)).status, 200);
      const issued = await ticketFor(next);
      assert.equal(issued.status, 200);
      const ticket = issued.body.ticket as string;
      assert.doesNotMatch(ticket, new RegExp(old.clientId), 'the old owner is never named');
      assert.ok(Date.parse(issued.body.expiresAt as string) > clock);

      const altered = ticket.slice(0, -2) + (ticket.endsWith('AA') ? 'BB' : 'AA');
      const wrong = await confirm(altered);
      assert.deepEqual([wrong.status, wrong.code], [403, 'TAKEOVER_TICKET_WRONG_PHONE']);
      assert.equal((await confirm('short')).code, 'VALIDATION_FAILED');

      clock += 120_000;
      const expired = await confirm(ticket);
      assert.deepEqual([expired.status, expired.code], [410, 'TAKEOVER_TICKET_EXPIRED']);
      assert.equal((await post(app, '/v1/bindings/lookup', old, body)).body.status, 'bound-to-you');

      const fresh = (await ticketFor(next)).body.ticket as string;
      const moved = await confirm(fresh);
      assert.deepEqual([moved.status, moved.body], [200, { status: 'moved' }]);
      const used = await confirm(fresh);
      assert.deepEqual([used.status, used.code], [409, 'TAKEOVER_TICKET_USED']);
    });

    it('tells the old owner BINDING_MOVED at its lookup and touch; the new one owns it', async () => {
      const lookup = await post(app, '/v1/bindings/lookup', old, body);
      assert.deepEqual([lookup.status, lookup.code], [409, 'BINDING_MOVED']);
      const touch = await post(app, '/v1/bindings/touch', old, body);
      assert.deepEqual([touch.status, touch.code], [409, 'BINDING_MOVED']);
      assert.equal(
        (await post(app, '/v1/bindings/lookup', next, body)).body.status,
        'bound-to-you',
      );
      assert.equal((await post(app, '/v1/bindings/touch', next, body)).status, 200);
      const third = await registerClient(app);
      assert.equal(
        (await post(app, '/v1/bindings/lookup', third, body)).body.status,
        'bound-to-another',
      );
    });

    it('serves the confirmation page and its own script, with a strict policy', async () => {
      const page = await app.inject({ url: '/takeover' });
      assert.equal(page.statusCode, 200);
      assert.match(page.headers['content-type'] as string, /text\/html/);
      assert.match(page.headers['content-security-policy'] as string, /script-src 'self'/);
      assert.match(page.body, /src="\/m\/takeover\.js"/);
      const script = await app.inject({ url: '/m/takeover.js' });
      assert.equal(script.statusCode, 200);
      assert.match(script.body, /takeover\/confirm/);
      assert.ok(script.body.length < 12_000, `small: ${script.body.length} bytes`);
    });
  });
}
