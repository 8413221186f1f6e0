// Nothing lost, nothing doubled: reliable messages both ways while TCP connections are cut, and
// a half-open connection found by heartbeat and watchdog.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import { RELAY_PROTOCOL_VERSION } from '../../protocol/relay-frames.js';
import { buildUpgradeUrl, parseSessionUrl } from '../../protocol/session-url.js';
import {
  nodeTerminal,
  rawUpgrade,
  sessionUrls,
  startRelayServer,
  type NodeTerminal,
  type RelayServer,
  startClients,
  openTerminals,
} from '../../testing/relay-server.js';
import { waitFor } from '../../testing/wait.js';

/** Cuts the TCP connection under the client's newest socket, as a network drop would. */
function cut(terminal: NodeTerminal): void {
  const socket = terminal.sockets.at(-1) as (WebSocket & { _socket?: Socket }) | undefined;
  socket?._socket?.destroy();
}

function texts(terminal: NodeTerminal): string[] {
  const received: string[] = [];
  terminal.client.on('message', (m) => {
    if (m.type === 'data.text') received.push(m.text);
  });
  return received;
}

describe('relay: resume inside the grace window', () => {
  let server: RelayServer;
  before(async () => {
    server = await startRelayServer({ heartbeatMs: 150 });
  });
  after(() => server.close());

  it('delivers 1,000 reliable messages each way, in order, across repeatedly cut connections', async () => {
    const urls = sessionUrls(server);
    const pc = nodeTerminal(urls.pc, 'pc');
    const phone = nodeTerminal(urls.phone, 'phone');
    const atPhone = texts(phone);
    const atPc = texts(pc);
    pc.client.start();
    phone.client.start();
    let cuts = 0;
    const resets: string[] = [];
    pc.client.on('reset', () => resets.push('pc'));
    phone.client.on('reset', () => resets.push('phone'));
    for (let i = 1; i <= 1000; i++) {
      await Promise.all([
        pc.client.send({ type: 'data.text', text: `pc-${i}` }),
        phone.client.send({ type: 'data.text', text: `phone-${i}` }),
      ]);
      if (i % 50 === 0) {
        cut(i % 100 === 0 ? pc : phone);
        cuts++;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    await waitFor(
      '1,000 messages each way',
      () => atPhone.length >= 1000 && atPc.length >= 1000,
      30_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 100)); // a late duplicate would show up here
    const expected = (prefix: string) =>
      Array.from({ length: 1000 }, (_, i) => `${prefix}-${i + 1}`);
    assert.deepEqual(atPhone, expected('pc'));
    assert.deepEqual(atPc, expected('phone'));
    assert.equal(cuts, 20);
    assert.ok(
      pc.sockets.length > 5 && phone.sockets.length > 5,
      'the connections really were replaced',
    );
    assert.deepEqual(resets, [], 'every reconnect resumed');
    pc.client.close();
    phone.client.close();
  });

  it('finds a silent (half-open) connection by heartbeat and watchdog, then resumes', async () => {
    const { pc, phone } = await openTerminals(server, { watchdogMs: 400 });
    const atPhone = texts(phone);
    const away: string[] = [];
    pc.client.on('peer', (state) => away.push(state));
    // The phone stops reading: no pongs, no frames, yet no FIN either.
    (phone.sockets.at(-1) as WebSocket & { _socket: Socket })._socket.pause();
    await pc.client.send({ type: 'data.text', text: 'while the phone was silent' });
    await waitFor('delivery after the resume', () => atPhone.length === 1);
    assert.deepEqual(atPhone, ['while the phone was silent']);
    assert.ok(
      away.includes('away') && away.at(-1) === 'present',
      `peer went away and came back: ${away.join()}`,
    );
    assert.ok(phone.sockets.length >= 2);
    pc.client.close();
    phone.client.close();
  });

  it('tells the PC at once when the phone closes the page (bye)', async () => {
    const { pc, phone } = startClients(server);
    await waitFor(
      'both open and the phone present at the PC',
      () => pc.status === 'open' && phone.status === 'open' && pc.peer === 'present',
    );
    const events: string[] = [];
    pc.on('peer', (state, detail) => events.push(`${state}:${detail.reason ?? ''}`));
    phone.close();
    await waitFor('a peer event at the PC', () => events.length > 0);
    assert.deepEqual(events, ['absent:closed']);
    pc.close();
  });
});

describe('relay: after the grace window', () => {
  const graceMs = 300;
  let server: RelayServer;
  before(async () => {
    server = await startRelayServer({ graceMs });
  });
  after(() => server.close());

  it('tells the PC peer-left (expired) once a dropped phone stays away past the window, and starts a late one afresh', async () => {
    const urls = sessionUrls(server);
    const pc = nodeTerminal(urls.pc, 'pc').client.start();
    await waitFor('the PC open', () => pc.status === 'open');
    // A phone whose connection drops and that does not come back in time.
    const parts = parseSessionUrl(urls.phone);
    const phone = await rawUpgrade(
      buildUpgradeUrl(server.base, RELAY_PROTOCOL_VERSION, {
        pageId: parts.pageId,
        role: 'phone',
        secret: parts.secret,
      }),
    );
    assert.ok(phone.opened);
    const welcome = JSON.parse(phone.firstFrame) as { resumeToken: string };
    await waitFor('the phone present at the PC', () => pc.peer === 'present');
    const events: Array<{ what: string; at: number }> = [];
    pc.on('peer', (state, detail) =>
      events.push({ what: `${state}:${detail.reason ?? ''}`, at: Date.now() }),
    );
    const dropped = Date.now();
    (phone.socket as unknown as { _socket: Socket })._socket.destroy();
    await waitFor('away, then left', () => events.length === 2, 5_000);
    assert.deepEqual(
      events.map((e) => e.what),
      ['away:', 'absent:expired'],
    );
    const waited = events[1]!.at - dropped;
    assert.ok(waited >= graceMs - 20, `peer-left came after the window (${waited} ms)`);

    // Too late to resume: the slot was freed, so the old token starts afresh (resumed: false).
    const late = await rawUpgrade(
      buildUpgradeUrl(server.base, RELAY_PROTOCOL_VERSION, {
        pageId: parts.pageId,
        role: 'phone',
        secret: parts.secret,
        resumeToken: welcome.resumeToken,
        lastSeq: 0,
      }),
    );
    assert.ok(late.opened);
    assert.match(late.firstFrame, /"resumed":false/);
    late.socket.terminate();
    pc.close();
  });
});
