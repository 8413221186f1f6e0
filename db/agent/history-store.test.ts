import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { phoneIdentity } from '../../protocol/identity.js';
import { identityHash } from '../identity-hash.js';
import { loadOrCreateSecret } from '../secret-file.js';
import { HISTORY_KEY_FILE, HistoryStore } from './history-store.js';

const IMEI = '490154203237518';
const phone = {
  identity: phoneIdentity('imei', IMEI),
  model: 'Pixel 7',
  manufacturer: 'Google',
  serial: '127.0.0.1:5555',
};

describe('HistoryStore', () => {
  const root = mkdtempSync(join(tmpdir(), 'tandem-history-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  let clock = 1_000;
  const now = () => clock;

  it('records, finds, touches, lists and forgets phones by their keyed hash', () => {
    const dataDir = join(root, 'crud');
    const store = HistoryStore.open({ dataDir, now });
    // The store's keyed hash: HMAC with the key in its data folder.
    const hash = identityHash(
      loadOrCreateSecret(join(dataDir, HISTORY_KEY_FILE)).key,
      phone.identity,
    );
    assert.equal(store.find(phone.identity), undefined);
    assert.equal(store.isKnown(phone.identity), false);

    const recorded = store.recordPaired(phone);
    assert.deepEqual(recorded, {
      identityHash: hash,
      identityKind: 'imei',
      maskedIdentity: '****7518',
      model: 'Pixel 7',
      manufacturer: 'Google',
      lastSerial: '127.0.0.1:5555',
      firstPairedAt: 1_000,
      lastSeenAt: 1_000,
      timesConnected: 0,
    });

    assert.equal(store.isKnown(phone.identity), true);
    assert.equal(store.find(phone.identity)?.identityHash, hash);

    clock = 2_000;
    const touched = store.touch(phone.identity, 'emulator-5554');
    assert.equal(touched?.timesConnected, 1);
    assert.equal(touched?.lastSeenAt, 2_000);
    assert.equal(touched?.lastSerial, 'emulator-5554');
    assert.equal(store.touch(phone.identity)?.timesConnected, 2);
    assert.equal(store.touch(phoneIdentity('imei', '356938035643809')), undefined);

    clock = 3_000;
    const again = store.recordPaired({ ...phone, model: 'Pixel 7a' });
    assert.equal(again.firstPairedAt, 1_000, 'a second record keeps the first pairing time');
    assert.equal(again.timesConnected, 2);
    assert.equal(again.model, 'Pixel 7a');

    clock = 4_000;
    const other = store.recordPaired({
      identity: phoneIdentity('serial', 'R58M12ABCDE'),
      model: 'Galaxy',
      manufacturer: 'samsung',
      serial: 'R58M12ABCDE',
    });
    assert.deepEqual(
      store.list().map((p) => p.maskedIdentity),
      ['****BCDE', '****7518'],
      'most recently seen first',
    );
    assert.equal(store.forget(other.identityHash), true);
    assert.equal(store.forget(other.identityHash), false);
    assert.deepEqual(
      store.list().map((p) => p.identityHash),
      [hash],
    );
    store.close();
  });

  it('finds phones by adb serial, masked form or full identity, not by a longer text', () => {
    const store = HistoryStore.open({ dataDir: join(root, 'search'), now });
    const hash = store.recordPaired(phone).identityHash;
    const found = (text: string) => store.findBySerialOrMasked(text).map((p) => p.identityHash);
    assert.deepEqual(found('127.0.0.1:5555'), [hash]);
    assert.deepEqual(found('****7518'), [hash]);
    assert.deepEqual(found('7518'), [hash]);
    assert.deepEqual(found(IMEI), [hash], 'a typed IMEI is matched through its hash');
    assert.deepEqual(found('ABCDEF7518'), [], 'a serial ending in the same four is another phone');
    assert.deepEqual(found('  '), []);
    store.close();
  });

  it('keeps a phone whose identity is its serial only masked, and still finds it by that serial', () => {
    const dir = join(root, 'serial-kind');
    const store = HistoryStore.open({ dataDir: dir, now });
    const serial = 'R58M12XYZQW';
    const input = {
      identity: phoneIdentity('serial', serial),
      model: 'Tab',
      manufacturer: 'samsung',
      serial,
    };
    const kept = store.recordPaired(input);
    assert.equal(kept.lastSerial, '****YZQW');
    assert.equal(store.touch(input.identity, serial)?.lastSerial, kept.lastSerial);
    assert.deepEqual(
      store.findBySerialOrMasked(serial).map((p) => p.identityHash),
      [kept.identityHash],
    );
    store.close();
    for (const file of readdirSync(dir)) {
      assert.ok(
        !readFileSync(join(dir, file)).includes(serial),
        `${file} holds the serial in clear`,
      );
    }
  });

  it('keeps the server account per URL', () => {
    const store = HistoryStore.open({ dataDir: join(root, 'accounts'), now });
    const url = 'http://127.0.0.1:7341';
    assert.equal(store.getServerAccount(url), undefined);
    store.saveServerAccount({ serverUrl: url, clientId: 'c_1', credential: 'secret-1' });
    store.saveServerAccount({ serverUrl: url, clientId: 'c_2', credential: 'secret-2' });
    assert.deepEqual(store.getServerAccount(url), {
      serverUrl: url,
      clientId: 'c_2',
      credential: 'secret-2',
      createdAt: clock,
    });
    assert.equal(store.deleteServerAccount(url), true);
    assert.equal(store.getServerAccount(url), undefined);
    store.close();
  });

  it('survives a reopen, keeps its files private and never writes the raw IMEI', () => {
    const dataDir = join(root, 'reopen');
    const first = HistoryStore.open({ dataDir, now });
    const hash = first.recordPaired(phone).identityHash;
    first.close();
    const second = HistoryStore.open({ dataDir, now });
    assert.equal(second.find(phone.identity)?.maskedIdentity, '****7518');
    assert.equal(second.find(phone.identity)?.identityHash, hash, 'the key file is reused');
    second.close();
    for (const name of readdirSync(dataDir)) {
      const path = join(dataDir, name);
      assert.ok(!readFileSync(path).includes(IMEI), `${name} holds no raw IMEI`);
      if (process.platform !== 'win32')
        assert.equal(statSync(path).mode & 0o077, 0, `${name} is private`);
    }
    assert.ok(readdirSync(dataDir).includes('history.key'));
  });
});
