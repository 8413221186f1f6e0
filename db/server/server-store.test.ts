import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ServerStore } from './server-store.js';

const DAY = 86_400_000;
const hash = (c: string) => c.repeat(64);

describe('ServerStore', () => {
  const root = mkdtempSync(join(tmpdir(), 'tandem-serverstore-'));
  let clock = 10 * DAY;
  let store: ServerStore;
  before(() => {
    store = ServerStore.open({ dataDir: root, bindingTtlMs: 90 * DAY, now: () => clock });
    assert.equal(store.clients.tryCreate('alice', Buffer.alloc(32, 1)), true);
    assert.equal(store.clients.tryCreate('bob', Buffer.alloc(32, 2)), true);
  });
  after(() => {
    store.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses a second client with the same id and keeps the first', () => {
    assert.equal(store.clients.tryCreate('alice', Buffer.alloc(32, 9)), false);
    assert.deepEqual(store.clients.find('alice')?.credentialHash, Buffer.alloc(32, 1));
  });

  it('binds once: the owner sees bound-to-you, others bound-to-another', () => {
    const phone = hash('a');
    assert.equal(store.bindings.lookup(phone, 'alice'), 'unbound');
    assert.equal(store.bindings.bind(phone, 'imei', 'alice'), 'created');
    assert.equal(store.bindings.bind(phone, 'imei', 'alice'), 'already-yours');
    assert.equal(store.bindings.bind(phone, 'imei', 'bob'), 'conflict');
    assert.equal(store.bindings.lookup(phone, 'alice'), 'bound-to-you');
    assert.equal(store.bindings.lookup(phone, 'bob'), 'bound-to-another');
  });

  it('lets only the owner release, then anyone bind', () => {
    const phone = hash('b');
    store.bindings.bind(phone, 'serial', 'alice');
    assert.equal(store.bindings.release(phone, 'bob'), 'not-owner');
    assert.equal(store.bindings.release(phone, 'alice'), 'released');
    assert.equal(store.bindings.release(phone, 'alice'), 'not-bound');
    assert.equal(store.bindings.bind(phone, 'serial', 'bob'), 'created');
  });

  it('frees a binding not seen for the TTL; touching keeps it', () => {
    const kept = hash('c');
    const lapsed = hash('d');
    store.bindings.bind(kept, 'imei', 'alice');
    store.bindings.bind(lapsed, 'imei', 'alice');
    clock += 60 * DAY;
    assert.equal(store.bindings.touch(kept, 'alice'), true);
    assert.equal(store.bindings.touch(kept, 'bob'), false);
    clock += 31 * DAY;
    assert.equal(store.bindings.lookup(kept, 'bob'), 'bound-to-another');
    assert.equal(store.bindings.lookup(lapsed, 'bob'), 'unbound');
    assert.equal(
      store.bindings.bind(lapsed, 'imei', 'bob'),
      'created',
      'the lapsed row is replaced',
    );
    const before = store.bindings.count();
    clock += 91 * DAY;
    assert.ok(store.bindings.sweepExpired() >= 2);
    assert.ok(store.bindings.count() < before);
  });

  it('refuses a binding or session for an unknown client (foreign keys)', () => {
    assert.throws(() => store.bindings.bind(hash('e'), 'imei', 'nobody'), /FOREIGN KEY/);
    assert.throws(
      () =>
        store.sessions.createSession({
          id: 's0',
          pageId: 'p0',
          clientId: 'nobody',
          secretHash: Buffer.alloc(32),
          ttlMs: 1000,
        }),
      /FOREIGN KEY/,
    );
  });

  it('creates sessions that expire', () => {
    const session = store.sessions.createSession({
      id: 's1',
      pageId: 'p1',
      clientId: 'alice',
      secretHash: Buffer.alloc(32, 3),
      ttlMs: 1000,
    });
    assert.equal(session.expiresAt, clock + 1000);
    assert.deepEqual(store.sessions.find('s1'), session);
    clock += 1000;
    assert.equal(store.sessions.sweepExpired(), 1);
    assert.equal(store.sessions.find('s1'), undefined);
  });
});
