// The matching matrix (page id + secret, or sealed role token) over real sockets, and the refusals of the upgrade step.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RELAY_PROTOCOL_VERSION } from '../../protocol/relay-frames.js';
import type { Socket } from 'node:net';
import {
  buildUpgradeUrl,
  parseSessionUrl,
  type UpgradeParams,
} from '../../protocol/session-url.js';
import {
  nodeTerminal,
  rawUpgrade,
  sessionUrls,
  startRelayServer,
  type RelayServer,
  type UpgradeOutcome,
  startClients,
} from '../../testing/relay-server.js';
import { waitFor } from '../../testing/wait.js';

describe('relay: matching and refusals', () => {
  let server: RelayServer;
  const open: UpgradeOutcome[] = [];
  const join = async (
    params: UpgradeParams,
    headers: Record<string, string> = {},
    v = RELAY_PROTOCOL_VERSION,
  ) => {
    const outcome = await rawUpgrade(buildUpgradeUrl(server.base, v, params), headers);
    open.push(outcome);
    return outcome;
  };
  before(async () => {
    server = await startRelayServer({ maxPayload: 64 * 1024 });
  });
  after(async () => {
    for (const outcome of open) if (outcome.opened) outcome.socket.terminate();
    await server.close();
  });

  it('rule (a): same page and same secret match; another secret or another page do not', async () => {
    const one = server.relay.createSession();
    const two = server.relay.createSession();
    const pc = await join({ pageId: one.pageId, role: 'pc', secret: one.secret });
    const phone = await join({ pageId: one.pageId, role: 'phone', secret: one.secret });
    assert.equal(pc.opened, true);
    assert.equal(phone.opened, true);
    assert.match(phone.opened ? phone.firstFrame : '', /"t":"welcome".*"peer":"present"/);
    const refusals = [
      await join({ pageId: two.pageId, role: 'phone', secret: one.secret }), // same secret, other page
      await join({ pageId: two.pageId, role: 'phone', secret: `${two.secret.slice(0, -2)}AA` }), // other secret
      await join({ pageId: 'A'.repeat(22), role: 'phone', secret: two.secret }), // unknown page
    ];
    assertSameRefusal(refusals);
  });

  it('rule (b): role tokens sealed with the same key match; a token of another key or role does not', async () => {
    const one = server.relay.createSession();
    const two = server.relay.createSession();
    const pc = await join({ pageId: one.pageId, role: 'pc', token: one.tokens.pc });
    const phone = await join({ pageId: one.pageId, role: 'phone', token: one.tokens.phone });
    assert.equal(pc.opened && phone.opened, true);
    const refusals = [
      await join({ pageId: two.pageId, role: 'phone', token: one.tokens.phone }), // other page
      await join({ pageId: two.pageId, role: 'pc', token: two.tokens.phone }), // token of the other role
      await join({ pageId: one.pageId, role: 'phone', token: two.tokens.phone }), // another key
    ];
    assertSameRefusal(refusals);
    // Rule (a) still works next to rule (b): the secret is accepted for the same session.
    const viaSecret = sessionUrls(server);
    const a = nodeTerminal(viaSecret.pc, 'pc').client.start();
    await waitFor('the terminal open', () => a.status === 'open');
    a.close();
  });

  it('refuses a third terminal with SESSION_FULL, also through the client', async () => {
    const { urls, pc, phone } = startClients(server);
    await waitFor('both terminals open', () => pc.status === 'open' && phone.status === 'open');
    const third = nodeTerminal(urls.phone, 'phone').client.start();
    await waitFor('third refused', () => third.status === 'refused');
    assert.equal(third.refusal?.code, 'SESSION_FULL');
    assert.equal(phone.status, 'open');
    pc.close();
    phone.close();
  });

  it('lets a reloaded page replace its away connection; a live slot still refuses with SESSION_FULL', async () => {
    const urls = sessionUrls(server);
    const pc = nodeTerminal(urls.pc, 'pc').client.start();
    const peer: string[] = [];
    pc.on('peer', (state, detail) =>
      peer.push(`${state}${detail.resumed === false ? ':fresh' : ''}`),
    );
    await waitFor('the PC open', () => pc.status === 'open');
    // The old page: its network drops (no bye, no close handshake) and it never comes back.
    const parts = parseSessionUrl(urls.phone);
    const old = await join({ pageId: parts.pageId, role: 'phone', secret: parts.secret });
    assert.ok(old.opened);
    await waitFor('old page joined', () => pc.peer === 'present');
    (old.socket as unknown as { _socket: Socket })._socket.destroy();
    await waitFor('peer-away at the PC', () => pc.peer === 'away');
    await pc.send({ type: 'data.text', text: 'sent while the phone was away' });

    const reloaded = nodeTerminal(urls.phone, 'phone').client.start();
    const atPhone: string[] = [];
    reloaded.on('message', (m) => m.type === 'data.text' && atPhone.push(m.text));
    await waitFor('the reloaded page joined', () => reloaded.status === 'open');
    await waitFor('peer-joined at the PC', () => pc.peer === 'present');
    assert.deepEqual(peer, ['absent', 'present:fresh', 'away', 'present:fresh']);
    await waitFor('the waiting message at the new page', () => atPhone.length === 1);
    assert.deepEqual(atPhone, ['sent while the phone was away']);

    const third = nodeTerminal(urls.phone, 'phone').client.start();
    await waitFor('a third terminal refused', () => third.status === 'refused');
    assert.equal(third.refusal?.code, 'SESSION_FULL');
    assert.equal(reloaded.status, 'open');
    pc.close();
    reloaded.close();
  });

  it('refuses a wrong Origin and accepts the server own origin', async () => {
    const s = server.relay.createSession();
    const host = new URL(server.base).host;
    const evil = await join(
      { pageId: s.pageId, role: 'phone', secret: s.secret },
      { origin: 'http://evil.example' },
    );
    assert.equal(evil.opened, false);
    assert.equal(evil.opened ? '' : evil.code, 'ORIGIN_NOT_ALLOWED');
    const same = await join(
      { pageId: s.pageId, role: 'phone', secret: s.secret },
      { origin: `http://${host}` },
    );
    assert.equal(same.opened, true);
  });

  it('refuses another protocol version at the upgrade and in a frame', async () => {
    const s = server.relay.createSession();
    const old = await join({ pageId: s.pageId, role: 'pc', secret: s.secret }, {}, 99);
    assert.equal(old.opened ? '' : old.code, 'PROTOCOL_VERSION_MISMATCH');
    const ok = await join({ pageId: s.pageId, role: 'pc', secret: s.secret });
    assert.ok(ok.opened);
    const closed = new Promise<[number, string]>((resolve) =>
      ok.socket.once('close', (c, r) => resolve([c, String(r)])),
    );
    const error = new Promise<string>((resolve) =>
      ok.socket.once('message', (d) => resolve(String(d))),
    );
    ok.socket.send(
      JSON.stringify({ v: 99, t: 'msg', mode: 'reliable', seq: 1, type: 'data.text', body: {} }),
    );
    assert.match(await error, /PROTOCOL_VERSION_MISMATCH/);
    assert.equal((await closed)[0], 4400);
  });

  it('closes a connection that sends a frame above maxPayload (1009)', async () => {
    const s = server.relay.createSession();
    const pc = await join({ pageId: s.pageId, role: 'pc', secret: s.secret });
    assert.ok(pc.opened);
    const closed = new Promise<number>((resolve) =>
      pc.socket.once('close', (code) => resolve(code)),
    );
    pc.socket.send(
      JSON.stringify({
        v: 2,
        t: 'msg',
        mode: 'reliable',
        seq: 1,
        type: 'data.text',
        body: { type: 'data.text', text: 'x'.repeat(100_000) },
      }),
    );
    assert.equal(await closed, 1009);
  });

  it('refuses an expired session with SESSION_EXPIRED', async () => {
    const s = server.relay.createSession({ ttlMs: 1 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const late = await join({ pageId: s.pageId, role: 'pc', secret: s.secret });
    assert.equal(late.opened ? '' : late.code, 'SESSION_EXPIRED');
  });
});

/** Every refusal is the same 403 with the same body: nothing says which part was wrong. */
function assertSameRefusal(outcomes: UpgradeOutcome[]): void {
  const bodies = new Set<string>();
  for (const outcome of outcomes) {
    assert.equal(outcome.opened, false);
    if (outcome.opened) continue;
    assert.equal(outcome.status, 403);
    assert.equal(outcome.code, 'SESSION_NOT_MATCHED');
    bodies.add(outcome.body);
  }
  assert.equal(bodies.size, 1);
}
