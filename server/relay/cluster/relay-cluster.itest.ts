// The relay on several nodes through a real Redis: two real `tandem server --redis` processes, the
// PC's terminal on one and the phone's on the other.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startRelayCluster, type RelayClusterRig } from '../../../testing/relay-cluster.js';
import {
  nodeTerminal,
  rawUpgrade,
  waitOpen,
  type NodeTerminal,
} from '../../../testing/relay-server.js';
import { waitFor } from '../../../testing/wait.js';
import { buildUpgradeUrl, parseSessionUrl } from '../../../protocol/session-url.js';
import { RELAY_PROTOCOL_VERSION } from '../../../protocol/relay-frames.js';

function texts(terminal: NodeTerminal): string[] {
  const received: string[] = [];
  terminal.client.on('message', (m) => {
    if (m.type === 'data.text') received.push(m.text);
  });
  return received;
}

describe('relay across nodes (--redis)', { timeout: 120_000 }, () => {
  let rig: RelayClusterRig;
  const started: NodeTerminal[] = [];
  before(async () => {
    rig = await startRelayCluster(2);
  });
  after(async () => {
    for (const terminal of started) terminal.client.close();
    await rig?.stop();
  });

  const refusals: string[] = [];
  const open = async (url: string, role: 'pc' | 'phone') => {
    const terminal = nodeTerminal(url, role);
    started.push(terminal);
    terminal.client.on('status', (status, refusal) => {
      if (status === 'refused') refusals.push(`${role}: ${refusal?.code} ${refusal?.message}`);
    });
    terminal.client.start();
    await waitOpen(terminal);
    return terminal;
  };
  /** A session made on node A, its PC open on A and its phone on B, each collecting the texts. */
  const pcOnAPhoneOnB = async () => {
    const [a, b] = rig.nodes as [(typeof rig.nodes)[0], (typeof rig.nodes)[0]];
    const session = await rig.createSession(a);
    const pc = await open(session.urlOn(a, 'pc'), 'pc');
    const phone = await open(session.urlOn(b, 'phone'), 'phone');
    return { a, b, session, pc, phone, atPhone: texts(phone), atPc: texts(pc) };
  };

  it('matches a PC on node A with a phone on node B, and refuses a third terminal on either', async () => {
    const { a, b, session, pc, phone, atPhone, atPc } = await pcOnAPhoneOnB();
    await pc.client.send({ type: 'data.text', text: 'from the pc' });
    await phone.client.send({ type: 'data.text', text: 'from the phone' });
    await waitFor('one message each way', () => atPhone.length === 1 && atPc.length === 1, 10_000);
    assert.deepEqual(atPhone, ['from the pc']);
    assert.deepEqual(atPc, ['from the phone']);
    for (const [node, role] of [
      [b, 'pc'],
      [a, 'phone'],
      [a, 'pc'],
      [b, 'phone'],
    ] as const) {
      const parsed = parseSessionUrl(session.urlOn(node, role));
      const outcome = await rawUpgrade(
        buildUpgradeUrl(node.url, RELAY_PROTOCOL_VERSION, {
          pageId: parsed.pageId,
          role,
          secret: parsed.secret,
          token: parsed.token,
        }),
      );
      assert.ok(!outcome.opened, `a third ${role} terminal on ${node.id} was let in`);
      if (outcome.opened) return;
      assert.equal(outcome.status, 409);
      assert.equal(outcome.code, 'SESSION_FULL');
    }
  });

  it('delivers 1,000 reliable messages each way while node B is killed and restarted: none lost, none doubled', async () => {
    const { b, pc, phone, atPhone, atPc } = await pcOnAPhoneOnB();
    const resets: string[] = [];
    pc.client.on('reset', () => resets.push('pc'));
    phone.client.on('reset', () => resets.push('phone'));
    const sends: Array<Promise<unknown>> = [];
    for (let i = 1; i <= 1000; i++) {
      sends.push(pc.client.send({ type: 'data.text', text: `pc-${i}` }));
      sends.push(phone.client.send({ type: 'data.text', text: `phone-${i}` }));
      if (i === 400) {
        await waitFor(
          'some messages crossed',
          () => atPhone.length > 100 && atPc.length > 100,
          20_000,
        );
        await b.kill();
      }
      if (i === 600) await b.restart();
    }
    const settled = await Promise.allSettled(sends);
    assert.deepEqual(refusals, [], 'no terminal was refused');
    assert.equal(settled.filter((s) => s.status === 'rejected').length, 0);
    await waitFor(
      '1,000 messages each way',
      () => atPhone.length >= 1000 && atPc.length >= 1000,
      60_000,
    );
    // A late duplicate would arrive with the next frames: one more message each way flushes them.
    await pc.client.send({ type: 'data.text', text: 'pc-end' });
    await phone.client.send({ type: 'data.text', text: 'phone-end' });
    await waitFor(
      'the last message each way',
      () => atPhone.at(-1) === 'pc-end' && atPc.at(-1) === 'phone-end',
      20_000,
    );
    const expected = (prefix: string) => [
      ...Array.from({ length: 1000 }, (_, i) => `${prefix}-${i + 1}`),
      `${prefix}-end`,
    ];
    assert.deepEqual(atPhone, expected('pc'));
    assert.deepEqual(atPc, expected('phone'));
    assert.ok(phone.sockets.length >= 2, 'the phone reconnected');
    assert.deepEqual(resets, [], 'the phone resumed on the restarted node');
  });

  it('recovers a session within 10 s of Redis restarting', async () => {
    const { pc, phone, atPhone, atPc } = await pcOnAPhoneOnB();
    await pc.client.send({ type: 'data.text', text: 'before' });
    await waitFor('a message before', () => atPhone.includes('before'), 10_000);
    await rig.redis.restart({ hard: true });
    const restartedAt = Date.now();
    // Redis came back empty: the nodes store the session again and the terminals join again.
    void pc.client.send({ type: 'data.text', text: 'pc-after' });
    void phone.client.send({ type: 'data.text', text: 'phone-after' });
    await waitFor(
      'a message each way after the restart',
      () => atPhone.includes('pc-after') && atPc.includes('phone-after'),
      { timeoutMs: 15_000, detail: () => `phone got ${atPhone.join()}, pc got ${atPc.join()}` },
    );
    const tookMs = Date.now() - restartedAt;
    assert.ok(tookMs < 10_000, `recovered in ${tookMs} ms`);
  });
});
