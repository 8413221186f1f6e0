// The takeover rule against one store kind: server/takeover-rules.test.ts runs it on SQLite,
// server/takeover-rules.itest.ts on a real PostgreSQL. Same assertions for both: a ticket moves a
// binding once, and a takeover racing the old owner's touch or release has exactly one outcome,
// never two owners.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PairingStore } from '../../db/server/pairing-store.js';
import { PairingRules, TAKEOVER_TICKET_TTL_MS } from '../../server/pairing-rules.js';
import { openTestStore, type StoreKind } from '../test-store.js';

const DAY = 86_400_000;
const hash = (c: string) => c.repeat(64);

export function takeoverRulesSuite(kind: StoreKind): void {
  describe(`takeover rule on ${kind}`, () => {
    let clock = 10 * DAY;
    let store: PairingStore;
    let rules: PairingRules;
    let close: () => Promise<void>;
    before(async () => {
      ({ store, close } = await openTestStore(kind));
      rules = new PairingRules(store, () => clock, 90 * DAY);
      for (const id of ['old', 'new', 'third']) {
        assert.equal(await store.clients.tryCreate(id, Buffer.alloc(32, 1), clock), true);
      }
    });
    after(() => close());

    /** A phone bound to `old`, and the new computer's ticket for it. */
    async function boundToOld(phone: string) {
      clock += 1000;
      assert.equal(await rules.bind(phone, 'imei', 'old'), 'created');
      clock += 1000;
      const ticket = await rules.takeoverTicket(phone, 'imei', 'new');
      assert.ok(ticket, 'a phone bound to another client gets a ticket');
      return ticket;
    }

    async function owners(phone: string) {
      return {
        old: await rules.lookup(phone, 'old'),
        new: await rules.lookup(phone, 'new'),
      };
    }

    it('gives no ticket for an unbound phone or the caller’s own', async () => {
      const phone = hash('a');
      assert.equal(await rules.takeoverTicket(phone, 'imei', 'new'), undefined);
      await rules.bind(phone, 'imei', 'new');
      assert.equal(await rules.takeoverTicket(phone, 'imei', 'new'), undefined);
    });

    it('moves the binding once; the old owner is told at its next lookup and touch', async () => {
      const phone = hash('b');
      const ticket = await boundToOld(phone);
      assert.equal(await rules.lookup(phone, 'new'), 'bound-to-another', 'nothing moves unasked');
      assert.equal(await rules.moveBinding(ticket), 'moved');
      assert.deepEqual(await owners(phone), { old: 'moved-away', new: 'bound-to-you' });
      assert.equal(await rules.touch(phone, 'old'), false);
      assert.equal(await rules.wasMovedFrom(phone, 'old'), true);
      assert.equal(await rules.wasMovedFrom(phone, 'third'), false);
      assert.equal(await rules.lookup(phone, 'third'), 'bound-to-another');
      assert.equal(await rules.moveBinding(ticket), 'used', 'a ticket moves once');
      assert.equal(await rules.bind(phone, 'imei', 'old'), 'conflict');
      assert.equal(await rules.release(phone, 'old'), 'not-owner');
    });

    it('refuses an expired ticket and moves nothing', async () => {
      const phone = hash('c');
      const ticket = await boundToOld(phone);
      clock += TAKEOVER_TICKET_TTL_MS;
      assert.equal(await rules.moveBinding(ticket), 'expired');
      assert.deepEqual(await owners(phone), { old: 'bound-to-you', new: 'bound-to-another' });
    });

    it('refuses a ticket for a binding the phone no longer has', async () => {
      const phone = hash('d');
      const ticket = await boundToOld(phone);
      assert.equal(await rules.release(phone, 'old'), 'released');
      clock += 1000;
      assert.equal(await rules.bind(phone, 'imei', 'third'), 'created');
      assert.equal(await rules.moveBinding(ticket), 'stale');
      assert.equal(await rules.lookup(phone, 'third'), 'bound-to-you');
      const other = await boundToOld(hash('e'));
      assert.equal(await rules.moveBinding({ ...other, identityHash: phone }), 'stale');
    });

    it('a fresh bind forgets the move', async () => {
      const phone = hash('f');
      assert.equal(await rules.moveBinding(await boundToOld(phone)), 'moved');
      assert.equal(await rules.release(phone, 'new'), 'released');
      assert.equal(await rules.bind(phone, 'imei', 'third'), 'created');
      assert.equal(await rules.lookup(phone, 'old'), 'bound-to-another');
    });

    it('takeover after the old owner’s touch: moved, and the old owner told', async () => {
      const phone = hash('g');
      const ticket = await boundToOld(phone);
      clock += 1000;
      assert.equal(await rules.touch(phone, 'old'), true);
      assert.equal(await rules.moveBinding(ticket), 'moved');
      assert.deepEqual(await owners(phone), { old: 'moved-away', new: 'bound-to-you' });
    });

    it('the old owner’s touch after the takeover: refused, the binding stays moved', async () => {
      const phone = hash('h');
      assert.equal(await rules.moveBinding(await boundToOld(phone)), 'moved');
      assert.equal(await rules.touch(phone, 'old'), false);
      assert.deepEqual(await owners(phone), { old: 'moved-away', new: 'bound-to-you' });
    });

    it('takeover and touch at once, many times: one owner, the new one', async () => {
      for (let round = 0; round < 20; round++) {
        const phone = (round + 10).toString(16).padStart(2, '0').repeat(32);
        const ticket = await boundToOld(phone);
        const [moved] = await Promise.all([
          rules.moveBinding(ticket),
          rules.touch(phone, 'old'),
          rules.touch(phone, 'old'),
        ]);
        assert.equal(moved, 'moved', `round ${round}`);
        assert.deepEqual(await owners(phone), { old: 'moved-away', new: 'bound-to-you' });
        assert.equal(await rules.touch(phone, 'old'), false);
      }
    });

    it('takeover and the old owner’s release at once: exactly one outcome', async () => {
      for (let round = 0; round < 20; round++) {
        const phone = (round + 40).toString(16).padStart(2, '0').repeat(32);
        const ticket = await boundToOld(phone);
        const [moved, released] = await Promise.all([
          rules.moveBinding(ticket),
          rules.release(phone, 'old'),
        ]);
        // Either the move came first (the release is refused) or the release did (the free phone
        // is claimed by the confirmed ticket): the new computer holds it, alone.
        assert.equal(moved, 'moved', `round ${round}`);
        assert.ok(released === 'not-owner' || released === 'released', `round ${round}`);
        assert.equal(await rules.lookup(phone, 'new'), 'bound-to-you');
        assert.notEqual(await rules.lookup(phone, 'old'), 'bound-to-you');
      }
    });

    it('one ticket confirmed many times at once moves once', async () => {
      const phone = hash('9');
      const ticket = await boundToOld(phone);
      const results = await Promise.all(
        Array.from({ length: 10 }, () => rules.moveBinding(ticket)),
      );
      assert.equal(results.filter((r) => r === 'moved').length, 1);
      assert.equal(results.filter((r) => r === 'used').length, 9);
    });

    it('two computers’ tickets for one phone at once: one wins, the other is stale', async () => {
      const phone = hash('8');
      const first = await boundToOld(phone);
      const second = await rules.takeoverTicket(phone, 'imei', 'third');
      assert.ok(second);
      const results = await Promise.all([rules.moveBinding(first), rules.moveBinding(second)]);
      assert.deepEqual([...results].sort(), ['moved', 'stale']);
      const winner = results[0] === 'moved' ? 'new' : 'third';
      assert.equal(await rules.lookup(phone, winner), 'bound-to-you');
      assert.equal(await rules.lookup(phone, 'old'), 'moved-away');
    });
  });
}
