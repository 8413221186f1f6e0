import { it } from 'node:test';
import assert from 'node:assert/strict';
import { startRelayServer, openTerminals } from '../../testing/relay-server.js';

// The HTTP server's close() waits for every socket, upgraded ones included: the relay must close
// its terminals first, or stopping the agent (or a server restart) hangs while a phone is connected.
it('the server shuts down promptly while terminals are connected', async () => {
  const server = await startRelayServer();
  const { pc, phone } = await openTerminals(server);

  const closing = server.close().then(() => 'closed' as const);
  const timeout = new Promise<'hung'>((resolve) =>
    setTimeout(() => resolve('hung'), 5_000).unref(),
  );
  assert.equal(await Promise.race([closing, timeout]), 'closed');
  pc.client.close();
  phone.client.close();
});
