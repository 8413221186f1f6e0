// Fault injection: connections reset at every stage of a request must not take the pairing server
// down. A real `tandem server` child process takes resets mid headers, after upgrade requests it
// refuses or accepts, mid WebSocket frame and mid HTTP body; afterwards it must still be running,
// answer /healthz and relay messages for a session that stayed open alongside.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateSealKey } from '../testing/relay-client-parts.js';
import type { RelayMessage } from '../protocol/relay-messages.js';
import { RELAY_PROTOCOL_VERSION } from '../protocol/relay-frames.js';
import { buildSessionUrl, buildUpgradeUrl } from '../protocol/session-url.js';
import { nodeTerminal, waitOpen } from '../testing/relay-server.js';
import { tempDir } from '../testing/server-app.js';
import { waitFor } from '../testing/wait.js';

const bin = fileURLToPath(new URL('../bin/tandem.js', import.meta.url));
const ROUNDS = 4;

interface Session {
  pageId: string;
  secret: string;
}

describe('pairing server under connection resets', () => {
  const dir = tempDir('tandem-resets-');
  let child: ChildProcess;
  let base = '';
  let port = 0;
  let stderr = '';
  let authorization = '';

  before(async () => {
    child = spawn(process.execPath, [bin, 'server', '--port', '0', '--data', dir.path], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    base = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        const line = /^(http:\/\/127\.0\.0\.1:(\d+))\n/.exec(stdout);
        if (line) resolve(line[1]!);
      });
      child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
    });
    port = Number(new URL(base).port);
    const account = (await (await fetch(`${base}/v1/clients`, jsonPost('{}'))).json()) as {
      clientId: string;
      credential: string;
    };
    authorization = `Bearer ${account.clientId}.${account.credential}`;
  });

  after(() => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    dir.remove();
  });

  const newSession = async (): Promise<Session> => {
    const response = await fetch(`${base}/v1/sessions`, {
      ...jsonPost('{}'),
      headers: { 'content-type': 'application/json', authorization },
    });
    assert.equal(response.status, 201);
    return (await response.json()) as Session;
  };

  const upgradeRequest = (path: string): string =>
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
    'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n';

  const relayPath = (session: Session, role: 'pc' | 'phone'): string => {
    const url = new URL(
      buildUpgradeUrl(base, RELAY_PROTOCOL_VERSION, {
        pageId: session.pageId,
        role,
        secret: session.secret,
      }),
    );
    return `${url.pathname}${url.search}`;
  };

  it('survives resets at every stage, and a session alongside keeps relaying', async () => {
    const key = generateSealKey();
    const healthy = await newSession();
    const url = buildSessionUrl({ server: base, ...healthy, sealKey: key });
    const pc = nodeTerminal(url, 'pc').client.start();
    const phone = nodeTerminal(url, 'phone').client.start();
    const received: RelayMessage[] = [];
    phone.on('message', (m) => received.push(m));
    await Promise.all([
      waitOpen({ client: pc, sockets: [] }),
      waitOpen({ client: phone, sockets: [] }),
    ]);

    const stages: [string, () => Promise<void>][] = [
      ['mid request headers', () => resetAfter(port, ['GET /healthz HTTP/1.1\r\nHost: 127.'])],
      ['after an upgrade to a refused path', () => resetAfter(port, [upgradeRequest('/x')])],
      [
        'after an upgrade to the relay with bad params',
        () => resetAfter(port, [upgradeRequest('/v1/relay?v=2&page=nope')]),
      ],
      [
        'after an upgrade to a valid session, before the 101',
        async () => resetAfter(port, [upgradeRequest(relayPath(await newSession(), 'pc'))]),
      ],
      [
        'after the 101 of a valid session',
        async () => resetAfter(port, [upgradeRequest(relayPath(await newSession(), 'pc'))], '101'),
      ],
      [
        'mid WebSocket frame',
        async () =>
          resetAfter(
            port,
            [
              upgradeRequest(relayPath(await newSession(), 'phone')),
              Buffer.from([0x81, 0xfe, 0x01]),
            ],
            '101',
          ),
      ],
      [
        'mid HTTP body',
        () =>
          resetAfter(port, [
            `POST /v1/clients HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":`,
          ]),
      ],
    ];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [stage, run] of stages) {
        await run();
        // Let the server see the reset before judging whether it survived it.
        const health = await fetch(`${base}/healthz`).catch(() => undefined);
        assert.equal(child.exitCode, null, `the server exited after a reset ${stage}:\n${stderr}`);
        assert.equal(health?.status, 200, `/healthz after a reset ${stage}`);
      }
    }

    const message: RelayMessage = { type: 'data.text', text: 'still relaying' };
    await pc.send(message);
    await waitFor('the message through the healthy session', () => received.length === 1);
    assert.deepEqual(received, [message]);
    assert.equal(child.exitCode, null);
    assert.doesNotMatch(stderr, /Unhandled 'error'|ECONNRESET/);
    pc.close();
    phone.close();
  });
});

function jsonPost(body: string): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body };
}

/**
 * Connects, writes each chunk, optionally waits until the response so far contains `waitFor`,
 * then resets the connection (RST, not FIN) and resolves once the socket is closed.
 */
function resetAfter(port: number, chunks: (string | Buffer)[], waitFor?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1');
    let seen = '';
    const reset = () => socket.resetAndDestroy();
    socket.once('connect', () => {
      const [first, ...rest] = chunks;
      socket.write(first!);
      if (waitFor === undefined) {
        for (const chunk of rest) socket.write(chunk);
        reset();
      }
    });
    socket.on('data', (data: Buffer) => {
      if (waitFor === undefined || seen.includes(waitFor)) return;
      seen += data.toString('latin1');
      if (!seen.includes(waitFor)) return;
      const [, ...rest] = chunks;
      for (const chunk of rest) socket.write(chunk);
      reset();
    });
    socket.on('error', () => undefined);
    socket.once('close', () => resolve());
    socket.setTimeout(10_000, () => reject(new Error('no answer from the server')));
  });
}
