// A reloaded phone page against a real relay that still holds its old, silently dead connection:
// the new page waits for the seat (SESSION_FULL for a while) instead of giving up, while a client
// that does not wait hears the refusal at once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';
import {
  nodeTerminal,
  sessionUrls,
  startRelayServer,
  waitOpen,
  type RelayServer,
} from '../testing/relay-server.js';
import { waitFor } from '../testing/wait.js';

describe('relay client: a seat held by a dead connection', () => {
  let server: RelayServer;
  before(async () => {
    server = await startRelayServer({ heartbeatMs: 150 });
  });
  after(() => server.close());

  it('a new phone page waits for the seat and gets it; one that does not wait is refused', async () => {
    const urls = sessionUrls(server);
    const pc = nodeTerminal(urls.pc, 'pc');
    // The old page: its watchdog would reconnect (and resume) on its own, so it must not fire.
    const old = nodeTerminal(urls.phone, 'phone', { watchdogMs: 60_000 });
    pc.client.start();
    old.client.start();
    await Promise.all([waitOpen(pc), waitOpen(old)]);
    const joins: { state: string; resumed?: boolean }[] = [];
    pc.client.on('peer', (state, detail) => joins.push({ state, resumed: detail.resumed }));

    const impatient = nodeTerminal(urls.phone, 'phone');
    const refused = new Promise<string | undefined>((resolve) =>
      impatient.client.on('status', (status, detail) => {
        if (status === 'refused') resolve(detail?.code);
      }),
    );
    impatient.client.start();
    assert.equal(await refused, 'SESSION_FULL', 'a live seat: refused at once');

    // The old page dies without a word: no FIN, no pongs.
    (old.sockets.at(-1) as WebSocket & { _socket: Socket })._socket.pause();
    const reloaded = nodeTerminal(urls.phone, 'phone', { seatWaitMs: 10_000 });
    const statuses: string[] = [];
    reloaded.client.on('status', (status) => statuses.push(status));
    reloaded.client.start();
    await waitOpen(reloaded);
    assert.ok(statuses.includes('reconnecting'), `it waited: ${statuses.join()}`);
    assert.ok(!statuses.includes('refused'));
    await waitFor('PC told', () => joins.some((j) => j.state === 'present' && j.resumed === false));
    await pc.client.send({ type: 'data.text', text: 'to the reloaded page' });
    const text = await new Promise((resolve) =>
      reloaded.client.on('message', (m) => m.type === 'data.text' && resolve(m.text)),
    );
    assert.equal(text, 'to the reloaded page');
    for (const terminal of [pc, old, reloaded, impatient]) terminal.client.close();
  });
});
