// The per-connection rate limits over real sockets, with tiny budgets: a sender over its rate is
// paused (TCP pushes back), one that stays far over it is refused with RELAY_RATE_LIMITED.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { WebSocket } from 'ws';
import {
  rawUpgrade,
  startRelayServer,
  type RelayServer,
  type UpgradeOutcome,
} from '../../testing/relay-server.js';
import { rawTextFrame } from '../../testing/raw-frames.js';
import { waitFor } from '../../testing/wait.js';

const text = rawTextFrame;

describe('relay: per-connection rate limits', () => {
  let server: RelayServer;
  const sockets: WebSocket[] = [];
  before(async () => {
    // 5 messages/s with no burst beyond one; 1 KiB/s of bytes, 1 KiB burst.
    server = await startRelayServer({
      messagesPerSecond: 5,
      messageBurst: 1,
      bytesPerSecond: 1024,
      byteBurst: 1024,
    });
  });
  after(async () => {
    for (const socket of sockets) socket.terminate();
    await server.close();
  });

  /** A raw PC and phone in a new session; the phone collects what reaches it. */
  async function pair() {
    const session = server.relay.createSession();
    const open = async (role: 'pc' | 'phone') => {
      const url = `${server.base.replace('http', 'ws')}/v1/relay?v=2&page=${session.pageId}&role=${role}&k=${session.secret}`;
      const outcome: UpgradeOutcome = await rawUpgrade(url);
      assert.ok(outcome.opened);
      sockets.push(outcome.socket);
      return outcome.socket;
    };
    const pc = await open('pc');
    const phone = await open('phone');
    const atPhone: Array<{ text: string; at: number }> = [];
    phone.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { t: string; msg?: { body: { text: string } } };
      if (frame.t === 'fwd') atPhone.push({ text: frame.msg!.body.text, at: Date.now() });
    });
    const fromRelay: string[] = [];
    pc.on('message', (data) => fromRelay.push(String(data)));
    const closed = new Promise<number>((resolve) => pc.once('close', (code) => resolve(code)));
    return { pc, atPhone, fromRelay, closed };
  }

  it('pauses reading a sender over its message rate, and delivers everything without closing it', async () => {
    const { pc, atPhone, fromRelay } = await pair();
    for (let seq = 1; seq <= 10; seq++) pc.send(text(seq, `m${seq}`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    const markerSent = Date.now();
    pc.send(text(11, 'marker'));
    await waitFor('all 11 messages', () => atPhone.length === 11, 10_000);
    const delay = atPhone.at(-1)!.at - markerSent;
    // 10 messages against a budget of 1 plus 5/s: the relay stops reading for about 1.8 s.
    assert.ok(delay >= 1_000, `the marker waited for the budget (${delay} ms)`);
    assert.deepEqual(
      atPhone.map((m) => m.text),
      [...Array.from({ length: 10 }, (_, i) => `m${i + 1}`), 'marker'],
    );
    assert.equal(pc.readyState, pc.OPEN, 'a paused sender is not cut off');
    assert.ok(!fromRelay.some((f) => f.includes('"t":"error"')));
  });

  it('refuses a sender that stays far over its message rate (RELAY_RATE_LIMITED, 4400)', async () => {
    const { pc, fromRelay, closed } = await pair();
    // 70 at once: more than 10 s of budget at 5/s.
    for (let seq = 1; seq <= 70; seq++) pc.send(text(seq, 'x'));
    assert.equal(await closed, 4400);
    const errors = fromRelay.filter((f) => f.includes('"t":"error"'));
    assert.deepEqual(
      errors.map((f) => (JSON.parse(f) as { code: string }).code),
      ['RELAY_RATE_LIMITED'],
    );
  });

  it('refuses a frame far over its byte rate (RELAY_RATE_LIMITED, 4400)', async () => {
    const { pc, atPhone, fromRelay, closed } = await pair();
    pc.send(text(1, 'y'.repeat(12_000))); // about 11 s of budget at 1 KiB/s
    assert.equal(await closed, 4400);
    assert.match(fromRelay.at(-1) ?? '', /"code":"RELAY_RATE_LIMITED"/);
    assert.deepEqual(atPhone, [], 'the refused frame is not relayed');
  });
});
