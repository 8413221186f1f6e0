import { createHash } from 'node:crypto';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ServerStore } from '../db/server/server-store.js';
import { ServerError } from './errors.js';
import { MAX_ID_ATTEMPTS, registerShadowAccount } from './shadow-accounts.js';
import { tempDir } from '../testing/server-app.js';
import { generateClientId, secretMatches } from './tokens.js';

describe('registerShadowAccount', () => {
  const dir = tempDir('tandem-shadow-');
  const store = ServerStore.open({ dataDir: dir.path, bindingTtlMs: 1000 });
  after(() => {
    store.close();
    dir.remove();
  });

  it('regenerates the id until it is unused', () => {
    store.clients.tryCreate('taken-1', Buffer.alloc(32));
    store.clients.tryCreate('taken-2', Buffer.alloc(32));
    const ids = ['taken-1', 'taken-2', 'fresh'];
    const asked: string[] = [];
    const account = registerShadowAccount(
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
    const stored = store.clients.find('fresh')!;
    assert.ok(secretMatches(account.credential, stored.credentialHash));
    // Only the SHA-256 of the credential is kept, never the credential itself.
    assert.deepEqual(
      stored.credentialHash,
      createHash('sha256').update(account.credential).digest(),
    );
    assert.match(account.credential, /^[A-Za-z0-9_-]{43}$/, '256 bits, base64url');
  });

  it('gives up with INTERNAL when every generated id is taken', () => {
    let calls = 0;
    assert.throws(
      () => registerShadowAccount(store.clients, () => (calls++, 'taken-1'), Date.now),
      (e) => e instanceof ServerError && e.code === 'INTERNAL',
    );
    assert.equal(calls, MAX_ID_ATTEMPTS);
  });

  it('refuses an id the Authorization header could not carry', () => {
    assert.throws(
      () => registerShadowAccount(store.clients, () => 'has.dot', Date.now),
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
