// `tandem server` drains on SIGTERM, as a real process: /readyz turns 503 at once, every terminal
// of a live relay session is closed with 4503 and tries again (it does not give up), a request in
// flight is answered, and the process exits 0 within --drain-timeout.
import { connect, type Socket } from 'node:net';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RelayCloseCode } from '../../../protocol/relay-close-codes.js';
import { buildSessionUrl } from '../../../protocol/session-url.js';
import { generateSealKey } from '../../../relay-client/sealing.js';
import { freePort } from '../../../testing/free-port.js';
import { nodeTerminal, waitForEvent, waitOpen } from '../../../testing/relay-server.js';
import { tempDir } from '../../../testing/server-app.js';
import { startServerProcess, type ServerProcess } from '../../../testing/server-process.js';
import { waitFor } from '../../../testing/wait.js';

describe('tandem server drains on SIGTERM', () => {
  const dir = tempDir('tandem-drain-');
  const running: ServerProcess[] = [];
  after(async () => {
    await Promise.all(running.map((server) => server.kill()));
    dir.remove();
  });

  const start = async (name: string, args: string[]) => {
    const server = await startServerProcess({
      port: await freePort(),
      dataDir: join(dir.path, name),
      args,
    });
    running.push(server);
    return server;
  };

  it('tells terminals to reconnect, answers /readyz 503 and the request in flight, exits 0', async () => {
    const server = await start('live', ['--metrics', '--drain-timeout', '8']);
    const { pc, phone } = await liveSession(server.url);
    const received = waitForEvent((l) => phone.client.on('message', l));
    await pc.client.send({ type: 'data.text', text: 'before the drain' });
    await received;
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    assert.match(metrics, /^tandem_relay_terminals\{role="pc"\} 1$/m);
    assert.match(metrics, /^tandem_relay_terminals\{role="phone"\} 1$/m);
    assert.match(metrics, /^tandem_relay_messages_total [1-9]/m);
    assert.equal((await fetch(`${server.url}/readyz`)).status, 200);

    // A request in flight: its headers are not finished when the drain starts.
    const inFlight = await partialRequest(server.url, '/readyz');
    const closes = [pc, phone].map((terminal) => closeCode(terminal.sockets[0]!));
    const started = performance.now();
    server.signal('SIGTERM');

    assert.deepEqual(await Promise.all(closes), [
      RelayCloseCode.ServerShutdown,
      RelayCloseCode.ServerShutdown,
    ]);
    const answer = await inFlight.finish();
    assert.match(answer, /^HTTP\/1\.1 503 /, 'not ready while draining');
    const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as {
      error: { code: string };
      draining: boolean;
    };
    assert.equal(body.error.code, 'NOT_READY');
    assert.equal(body.draining, true);

    assert.equal(await server.exited(), 0, 'a drain is a clean exit');
    assert.ok(performance.now() - started < 8_000, 'within --drain-timeout');
    assert.match(server.output(), /"msg":"draining"/);

    // The clients did not give up: they try again (a load balancer sends them to another node).
    for (const terminal of [pc, phone]) {
      assert.notEqual(terminal.client.status, 'refused');
      await waitFor('a new connection attempt', () => terminal.sockets.length >= 2);
      terminal.client.close();
    }
  });

  it('cuts a request still unfinished at --drain-timeout and exits 0', async () => {
    const server = await start('stuck', ['--drain-timeout', '0.5']);
    const stuck = await partialRequest(server.url, '/healthz');
    const started = performance.now();
    server.signal('SIGTERM');
    assert.equal(await server.exited(), 0);
    const took = performance.now() - started;
    assert.ok(took >= 400, `waited for the request in flight (${Math.round(took)} ms)`);
    assert.ok(took < 6_000, `and no longer than the bound allows (${Math.round(took)} ms)`);
    await stuck.closed;
  });
});

/** Registers a client, creates a session and opens its two terminals on `base`. */
async function liveSession(base: string) {
  const post = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: '{}',
    });
    assert.ok(response.ok, `${path}: ${response.status}`);
    return (await response.json()) as Record<string, string>;
  };
  const { clientId, credential } = await post('/v1/clients');
  const session = await post('/v1/sessions', { authorization: `Bearer ${clientId}.${credential}` });
  const sealKey = generateSealKey();
  const url = buildSessionUrl({
    server: base,
    pageId: session.pageId!,
    secret: session.secret!,
    sealKey,
  });
  const pc = nodeTerminal(url, 'pc');
  const phone = nodeTerminal(url, 'phone');
  pc.client.start();
  phone.client.start();
  await Promise.all([waitOpen(pc), waitOpen(phone)]);
  return { pc, phone };
}

function closeCode(socket: { once(event: 'close', listener: (code: number) => void): unknown }) {
  return new Promise<number>((resolve) => socket.once('close', resolve));
}

/** A GET whose last header line is held back until `finish()`; the answer is the raw response. */
async function partialRequest(base: string, path: string) {
  const { hostname, port, host } = new URL(base);
  const socket: Socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  let answer = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
  // 'close' follows a reset too (a cut at the drain's bound); once() would reject on its 'error'.
  socket.on('error', () => {});
  const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(answer)));
  socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\n`);
  return {
    closed,
    finish: () => {
      socket.write('Connection: close\r\n\r\n');
      return closed;
    },
  };
}
