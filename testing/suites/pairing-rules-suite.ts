// The pairing rules against one store kind: server/pairing-rules.test.ts runs it on SQLite,
// server/pairing-rules.itest.ts on a real PostgreSQL. Same assertions for both.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PairingStore } from '../../db/server/pairing-store.js';
import { PairingRules } from '../../server/pairing-rules.js';
import { openTestStore, type StoreKind } from '../test-store.js';

const DAY = 86_400_000;
const hash = (c: string) => c.repeat(64);

export function pairingRulesSuite(kind: StoreKind): void {
  describe(`pairing rules on ${kind}`, () => {
    let clock = 10 * DAY;
    let store: PairingStore;
    let rules: PairingRules;
    let close: () => Promise<void>;
    const foreignKey = kind === 'sqlite' ? /FOREIGN KEY/ : /foreign key constraint/;
    before(async () => {
      ({ store, close } = await openTestStore(kind));
      rules = new PairingRules(store, () => clock, 90 * DAY);
      assert.equal(await store.clients.tryCreate('alice', Buffer.alloc(32, 1), clock), true);
      assert.equal(await store.clients.tryCreate('bob', Buffer.alloc(32, 2), clock), true);
    });
    after(() => close());

    it('refuses a second client with the same id and keeps the first', async () => {
      assert.equal(await store.clients.tryCreate('alice', Buffer.alloc(32, 9), clock), false);
      assert.deepEqual((await store.clients.find('alice'))?.credentialHash, Buffer.alloc(32, 1));
    });

    it('binds once: the owner sees bound-to-you, others bound-to-another', async () => {
      const phone = hash('a');
      assert.equal(await rules.lookup(phone, 'alice'), 'unbound');
      assert.equal(await rules.bind(phone, 'imei', 'alice'), 'created');
      assert.equal(await rules.bind(phone, 'imei', 'alice'), 'already-yours');
      assert.equal(await rules.bind(phone, 'imei', 'bob'), 'conflict');
      assert.equal(await rules.lookup(phone, 'alice'), 'bound-to-you');
      assert.equal(await rules.lookup(phone, 'bob'), 'bound-to-another');
    });

    it('lets only the owner release, then anyone bind', async () => {
      const phone = hash('b');
      await rules.bind(phone, 'serial', 'alice');
      assert.equal(await rules.release(phone, 'bob'), 'not-owner');
      assert.equal(await rules.release(phone, 'alice'), 'released');
      assert.equal(await rules.release(phone, 'alice'), 'not-bound');
      assert.equal(await rules.bind(phone, 'serial', 'bob'), 'created');
    });

    it('frees a binding not seen for the TTL; touching keeps it', async () => {
      const kept = hash('c');
      const lapsed = hash('d');
      await rules.bind(kept, 'imei', 'alice');
      await rules.bind(lapsed, 'imei', 'alice');
      clock += 60 * DAY;
      assert.equal(await rules.touch(kept, 'alice'), true);
      assert.equal(await rules.touch(kept, 'bob'), false);
      clock += 31 * DAY;
      assert.equal(await rules.lookup(kept, 'bob'), 'bound-to-another');
      assert.equal(await rules.lookup(lapsed, 'bob'), 'unbound');
      assert.equal(
        await rules.bind(lapsed, 'imei', 'bob'),
        'created',
        'the lapsed row is replaced',
      );
      const before = await store.bindings.count();
      clock += 91 * DAY;
      assert.ok((await rules.sweepExpired()).bindings >= 2);
      assert.ok((await store.bindings.count()) < before);
    });

    it('lets exactly one of many concurrent binds win', async () => {
      const phone = hash('f');
      const ids = Array.from({ length: 20 }, (_, i) => `racer-${i}`);
      for (const id of ids) await store.clients.tryCreate(id, Buffer.alloc(32, 5), clock);
      const results = await Promise.all(ids.map((id) => rules.bind(phone, 'imei', id)));
      assert.equal(results.filter((r) => r === 'created').length, 1);
      assert.equal(results.filter((r) => r === 'conflict').length, ids.length - 1);
    });

    it('refuses a binding or session for an unknown client (foreign keys)', async () => {
      await assert.rejects(rules.bind(hash('e'), 'imei', 'nobody'), foreignKey);
      await assert.rejects(
        rules.createSession({
          id: 's0',
          pageId: 'p0',
          clientId: 'nobody',
          secretHash: Buffer.alloc(32),
          ttlMs: 1000,
        }),
        foreignKey,
      );
    });

    it('creates sessions that expire', async () => {
      const session = await rules.createSession({
        id: 's1',
        pageId: 'p1',
        clientId: 'alice',
        secretHash: Buffer.alloc(32, 3),
        ttlMs: 1000,
      });
      assert.equal(session.expiresAt, clock + 1000);
      assert.deepEqual(await store.sessions.find('s1'), session);
      clock += 1000;
      assert.equal((await rules.sweepExpired()).sessions, 1);
      assert.equal(await store.sessions.find('s1'), undefined);
    });
  });
}
