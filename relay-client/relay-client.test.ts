// The client against a scripted socket: what it puts on the wire, without a relay.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isRelayError, RelayCloseCode, type RelayError } from '../protocol/relay-errors.js';
import { ACK_POLICY } from '../protocol/relay-frames.js';
import { RelayClient, type RelayClientOptions } from './relay-client.js';
import type { SocketLike } from './socket-like.js';

class ScriptedSocket implements SocketLike {
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: string[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  send(data: string): void {
    this.sent.push(data);
  }
  closedWith: [number | undefined, string | undefined] | undefined;
  close(code?: number, reason?: string): void {
    this.readyState = 3;
    this.closedWith = [code, reason];
  }
  /** The relay accepts the terminal. */
  welcome(): void {
    this.onopen?.({});
    this.onmessage?.({
      data: JSON.stringify({
        t: 'welcome',
        v: 2,
        role: 'phone',
        resumeToken: 'q1w2e3r4t5y6u7i8o9p0aa',
        resumed: false,
        recvSeq: 0,
        peer: 'present',
        graceMs: 60_000,
        heartbeatMs: 15_000,
      }),
    });
  }
  frames(): Array<Record<string, unknown>> {
    return this.sent.map((text) => JSON.parse(text) as Record<string, unknown>);
  }
}

const URL_WITHOUT_KEY = `http://127.0.0.1:9/s/${'A'.repeat(22)}?k=${'B'.repeat(43)}`;

function connected(options: Partial<RelayClientOptions> = {}): {
  client: RelayClient;
  socket: ScriptedSocket;
} {
  const socket = new ScriptedSocket();
  const client = new RelayClient({
    url: URL_WITHOUT_KEY,
    role: 'phone',
    requireSealing: false,
    createSocket: () => socket,
    ...options,
  }).start();
  socket.welcome();
  return { client, socket };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RelayClient', () => {
  it('keeps the final progress of each transfer while its socket is backed up', async () => {
    const { client, socket } = connected();
    socket.bufferedAmount = 1024 * 1024;
    const progress = (id: string, received: number, done: boolean) =>
      client.send({ type: 'data.file.progress', id, received, size: 9, done });
    await progress('fileAAAA', 1, false);
    await progress('fileAAAA', 9, true);
    await progress('fileBBBB', 4, false);
    assert.equal(socket.sent.length, 0, 'nothing written while backed up');
    socket.bufferedAmount = 0;
    await sleep(60);
    const sent = socket.frames();
    assert.deepEqual(
      sent.map((f) => [f.type, f.key, (f.body as { received: number }).received]),
      [
        ['data.file.progress', 'fileAAAA', 9],
        ['data.file.progress', 'fileBBBB', 4],
      ],
    );
    client.close();
  });

  it('coalesces other latest-wins messages per type, without a key', async () => {
    const { client, socket } = connected();
    socket.bufferedAmount = 1024 * 1024;
    await client.send({ type: 'op.scroll', x: 0, y: 1 });
    await client.send({ type: 'op.scroll', x: 0, y: 2 });
    socket.bufferedAmount = 0;
    await sleep(60);
    assert.deepEqual(socket.frames(), [
      {
        v: 2,
        t: 'msg',
        mode: 'latest',
        type: 'op.scroll',
        body: { type: 'op.scroll', x: 0, y: 2 },
      },
    ]);
    client.close();
  });

  it('refuses a message too large for one relay frame (MESSAGE_TOO_LARGE) and keeps its numbering', async () => {
    const { client, socket } = connected();
    const huge = { type: 2, timestamp: 1, data: 'x'.repeat(1024 * 1024) };
    await assert.rejects(client.send({ type: 'mirror.snapshot', payload: [huge] }), (error) =>
      isRelayError(error, 'MESSAGE_TOO_LARGE'),
    );
    await client.send({ type: 'data.text', text: 'next' });
    assert.deepEqual(
      socket.frames().map((f) => [f.type, f.seq]),
      [['data.text', 1]],
      'nothing of the refused message went out, and the next one is seq 1',
    );
    client.close();
  });

  it('reports HEARTBEAT_TIMEOUT and closes with 4408 when the relay goes silent', async () => {
    const errors: RelayError[] = [];
    const { client, socket } = connected({ watchdogMs: 30, backoffBaseMs: 10_000 });
    client.on('error', (error) => errors.push(error));
    await sleep(80);
    assert.deepEqual(
      errors.map((e) => e.code),
      ['HEARTBEAT_TIMEOUT'],
    );
    assert.deepEqual(socket.closedWith, [4408, 'HEARTBEAT_TIMEOUT']);
    assert.equal(client.status, 'reconnecting');
    client.close();
  });

  it('reconnects, not gives up, when a draining server closes with 4503', async () => {
    const sockets: ScriptedSocket[] = [];
    const client = new RelayClient({
      url: URL_WITHOUT_KEY,
      role: 'phone',
      requireSealing: false,
      backoffBaseMs: 5,
      createSocket: () => {
        const socket = new ScriptedSocket();
        sockets.push(socket);
        return socket;
      },
    }).start();
    sockets[0]!.welcome();
    assert.equal(client.status, 'open');
    sockets[0]!.onclose?.({ code: RelayCloseCode.ServerShutdown, reason: 'SERVER_DRAINING' });
    assert.equal(client.status, 'reconnecting');
    await sleep(60);
    assert.equal(sockets.length, 2, 'a second connection was opened');
    sockets[1]!.welcome();
    assert.equal(client.status, 'open');
    client.close();
  });

  it('acks what it received after 64 messages at once, otherwise within the ack delay', async () => {
    const { client, socket } = connected();
    const fwd = (seq: number) =>
      socket.onmessage?.({
        data: `{"t":"fwd","seq":${seq},"msg":{"v":2,"t":"msg","mode":"reliable","seq":${seq},"type":"op.back","body":{"type":"op.back"}}}`,
      });
    const acks = () => socket.frames().filter((f) => f.t === 'ack');
    fwd(1);
    await sleep(50);
    assert.deepEqual(acks(), [], 'one message waits for the delay');
    await sleep(ACK_POLICY.receiverDelayMs);
    assert.deepEqual(acks(), [{ t: 'ack', seq: 1 }]);
    for (let seq = 2; seq <= 65; seq++) fwd(seq);
    assert.deepEqual(acks().at(-1), { t: 'ack', seq: 65 }, '64 unacknowledged: at once');
    client.close();
  });

  it('waits out SESSION_FULL for a while (its own dead connection may hold the seat), then gives up', async () => {
    const refusals = {
      code: 'SESSION_FULL',
      message: 'both terminals of this session are connected',
    };
    let probes = 0;
    const sockets: ScriptedSocket[] = [];
    const refusedAfter = (seatWaitMs: number, seatFreeAfter = Infinity) =>
      new Promise<{ status: string; code?: string; probes: number; sockets: number }>((resolve) => {
        const client = new RelayClient({
          url: URL_WITHOUT_KEY,
          role: 'phone',
          requireSealing: false,
          backoffBaseMs: 10,
          backoffCapMs: 20,
          seatWaitMs,
          createSocket: () => {
            const socket = new ScriptedSocket();
            sockets.push(socket);
            // The upgrade is refused: the socket closes without ever opening, until the seat frees.
            setTimeout(() => {
              if (probes >= seatFreeAfter) socket.welcome();
              else socket.onclose?.({ code: 1006, reason: '' });
            }, 1);
            return socket;
          },
          probe: () => Promise.resolve(probes++ < seatFreeAfter ? refusals : undefined),
        });
        client.on('status', (status, detail) => {
          if (status === 'refused' || status === 'open') {
            client.close();
            resolve({ status, code: detail?.code, probes, sockets: sockets.length });
          }
        });
        client.start();
      });
    const started = Date.now();
    const gaveUp = await refusedAfter(200);
    assert.equal(gaveUp.status, 'refused');
    assert.equal(gaveUp.code, 'SESSION_FULL');
    assert.ok(Date.now() - started >= 200, 'not before the wait is over');
    assert.ok(gaveUp.probes > 2, `${gaveUp.probes} tries while waiting`);
    probes = 0;
    const seated = await refusedAfter(10_000, 3);
    assert.equal(seated.status, 'open', 'the seat freed up: connected');
  });
});
