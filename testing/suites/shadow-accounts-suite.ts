// Shadow accounts against one store kind: server/shadow-accounts.test.ts runs it on SQLite,
// server/shadow-accounts.itest.ts on a real PostgreSQL.
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PairingStore } from '../../db/server/pairing-store.js';
import { ServerError } from '../../server/errors.js';
import { MAX_ID_ATTEMPTS, registerShadowAccount } from '../../server/shadow-accounts.js';
import { generateClientId, secretMatches } from '../../server/tokens.js';
import { openTestStore, type StoreKind } from '../test-store.js';

export function shadowAccountsSuite(kind: StoreKind): void {
  describe(`registerShadowAccount on ${kind}`, () => {
    let store: PairingStore;
    let close: () => Promise<void>;
    before(async () => {
      ({ store, close } = await openTestStore(kind));
    });
    after(() => close());

    it('regenerates the id until it is unused', async () => {
      await store.clients.tryCreate('taken-1', Buffer.alloc(32), Date.now());
      await store.clients.tryCreate('taken-2', Buffer.alloc(32), Date.now());
      const ids = ['taken-1', 'taken-2', 'fresh'];
      const asked: string[] = [];
      const account = await registerShadowAccount(
        store.clients,
        () => {
          const id = ids.shift()!;
          asked.push(id);
          return id;
        },
        Date.now,
      );
      assert.deepEqual(asked, ['taken-1', 'taken-2', 'fresh']);
      assert.equal(account.clientId, 'fresh');
      const stored = (await store.clients.find('fresh'))!;
      assert.ok(secretMatches(account.credential, stored.credentialHash));
      // Only the SHA-256 of the credential is kept, never the credential itself.
      assert.deepEqual(
        stored.credentialHash,
        createHash('sha256').update(account.credential).digest(),
      );
      assert.match(account.credential, /^[A-Za-z0-9_-]{43}$/, '256 bits, base64url');
    });

    it('gives up with INTERNAL when every generated id is taken', async () => {
      let calls = 0;
      await assert.rejects(
        registerShadowAccount(store.clients, () => (calls++, 'taken-1'), Date.now),
        (e) => e instanceof ServerError && e.code === 'INTERNAL',
      );
      assert.equal(calls, MAX_ID_ATTEMPTS);
    });

    it('refuses an id the Authorization header could not carry', async () => {
      await assert.rejects(
        registerShadowAccount(store.clients, () => 'has.dot', Date.now),
        (e) => e instanceof ServerError && e.code === 'INTERNAL',
      );
    });

    it('makes ids from the time and random bytes', () => {
      const a = generateClientId(1_700_000_000_000);
      const b = generateClientId(1_700_000_000_000);
      assert.match(a, /^c_[A-Za-z0-9_-]{22}$/);
      assert.notEqual(a, b);
      assert.equal(a.slice(0, 10), b.slice(0, 10), 'same millisecond, same time prefix');
    });
  });
}
