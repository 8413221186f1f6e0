// A session that expires while both terminals are connected: the relay closes them with 4001 and
// the clients stop with SESSION_EXPIRED instead of reconnecting.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { startRelayServer, openTerminals } from '../../testing/relay-server.js';
import { waitFor } from '../../testing/wait.js';

it('closes connected terminals with 4001 when their session expires', async () => {
  // The sweeper runs every min(60 s, TTL): a 1.5 s TTL is swept within about 3 s.
  const server = await startRelayServer({ sessionTtlMs: 1500 });
  try {
    const { pc, phone } = await openTerminals(server);
    const codes: number[] = [];
    for (const terminal of [pc, phone]) {
      terminal.sockets.at(-1)!.once('close', (code) => codes.push(code));
    }
    await waitFor('both terminals closed', () => codes.length === 2, 10_000);
    assert.deepEqual(codes, [4001, 4001]);
    await waitFor(
      'both terminals refused',
      () => pc.client.status === 'refused' && phone.client.status === 'refused',
    );
    assert.equal(pc.client.refusal?.code, 'SESSION_EXPIRED');
    assert.equal(phone.client.refusal?.code, 'SESSION_EXPIRED');
    assert.equal(server.relay.registry.size, 0, 'the session is gone');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(pc.sockets.length + phone.sockets.length, 2, 'neither tried to reconnect');
  } finally {
    await server.close();
  }
});
