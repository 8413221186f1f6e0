// The load generator's view of each target: a pair of endpoints where `a.send` reaches `b`. The
// same harness for all three: one raw `ws` client per connection, the same 128 B payload, each
// target spoken in its own wire protocol by hand (socket.io's too, so the heavier socket.io-client
// does not eat the generator's CPU and make the server look slower than it is). Tandem is driven
// with its wire protocol (sealed-size payloads, acks as the reference client sends them), not the
// full client, so the benchmark measures the server rather than the generator's AES-GCM.
import { WebSocket } from 'ws';
import { ACK_POLICY } from '../../protocol/relay-frames.js';

export interface Pair {
  send(payload: string): void;
  onReceive(handler: () => void): void;
  close(): void;
}

export type Target = 'tandem' | 'socket.io' | 'echo';

// Received frames are checked as bytes, the same way for every target.
const FWD = Buffer.from('{"t":"fwd","seq":');
const EVENT_M = Buffer.from('42["m"');
const startsWith = (data: Buffer, prefix: Buffer): boolean =>
  data.length >= prefix.length && data.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;

function openWs(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** The reference client's receiver acks (ACK_POLICY): 64 messages, 256 KiB, or 1 s after the first. */
function receiverAcks(phone: WebSocket): (seq: number, bytes: number) => void {
  let last = 0;
  let unacked = 0;
  let unackedBytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const ack = (): void => {
    clearTimeout(timer);
    timer = undefined;
    unacked = 0;
    unackedBytes = 0;
    if (phone.readyState === phone.OPEN) phone.send(`{"t":"ack","seq":${last}}`);
  };
  return (seq, bytes) => {
    last = seq;
    unackedBytes += bytes;
    if (++unacked >= ACK_POLICY.messages || unackedBytes >= ACK_POLICY.bytes) return ack();
    timer ??= setTimeout(ack, ACK_POLICY.receiverDelayMs);
  };
}

async function tandemPair(
  base: string,
  session: { pageId: string; secret: string },
): Promise<Pair> {
  const url = (role: string) =>
    `ws://${base}/v1/relay?v=2&page=${session.pageId}&role=${role}&k=${session.secret}`;
  const [pc, phone] = await Promise.all([openWs(url('pc')), openWs(url('phone'))]);
  let seq = 0;
  let handler = (): void => {};
  const acked = receiverAcks(phone);
  phone.on('message', (data: Buffer) => {
    if (!startsWith(data, FWD)) return;
    handler();
    let seq = 0;
    for (let i = FWD.length; data[i] !== 0x2c; i++) seq = seq * 10 + data[i]! - 0x30;
    acked(seq, data.length);
  });
  return {
    send: (payload) =>
      pc.send(
        `{"v":2,"t":"msg","mode":"reliable","seq":${++seq},"type":"data.text","sealed":"${payload}"}`,
      ),
    onReceive: (h) => (handler = h),
    close: () => (pc.terminate(), phone.terminate()),
  };
}

/**
 * socket.io v4 over a raw WebSocket: engine.io packets `0` open, `2`/`3` ping/pong, `4` message;
 * socket.io packets inside: `0` connect, `2` event, `3` ack (`421[...]` is event with ack id 1).
 */
function socketIoEndpoint(base: string): Promise<WebSocket> {
  const ws = new WebSocket(`ws://${base}/socket.io/?EIO=4&transport=websocket`, {
    perMessageDeflate: false,
  });
  // Listening before 'open': the open packet can come in the same read as the upgrade answer.
  return new Promise((resolve, reject) => {
    const onHandshake = (data: unknown): void => {
      const text = String(data);
      if (text.startsWith('0{')) ws.send('40');
      if (text.startsWith('40')) {
        ws.off('message', onHandshake);
        resolve(ws);
      }
    };
    ws.on('message', onHandshake);
    ws.on('message', (data) => {
      if (String(data) === '2') ws.send('3');
    });
    ws.once('error', reject);
  });
}

async function joinRoom(ws: WebSocket, room: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const onAck = (data: unknown): void => {
      if (String(data) !== '431[]') return;
      ws.off('message', onAck);
      resolve();
    };
    ws.on('message', onAck);
    ws.send(`421${JSON.stringify(['join', room])}`);
  });
}

async function socketIoPair(base: string, room: string): Promise<Pair> {
  const [a, b] = await Promise.all([socketIoEndpoint(base), socketIoEndpoint(base)]);
  await Promise.all([joinRoom(a, room), joinRoom(b, room)]);
  let handler = (): void => {};
  b.on('message', (data: Buffer) => {
    if (startsWith(data, EVENT_M)) handler();
  });
  return {
    send: (p) => a.send(`42["m","${p}"]`),
    onReceive: (h) => (handler = h),
    close: () => (a.terminate(), b.terminate()),
  };
}

async function echoPair(base: string): Promise<Pair> {
  // Two connections per session as for the relays; the echo returns on the sender's own.
  const [a, b] = await Promise.all([openWs(`ws://${base}`), openWs(`ws://${base}`)]);
  let handler = (): void => {};
  a.on('message', () => handler());
  return {
    send: (p) => a.send(p),
    onReceive: (h) => (handler = h),
    close: () => (a.terminate(), b.terminate()),
  };
}

export async function connectPairs(target: Target, base: string, count: number): Promise<Pair[]> {
  let sessions: Array<{ pageId: string; secret: string }> = [];
  if (target === 'tandem') {
    const response = await fetch(`http://${base}/bench/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ n: count }),
    });
    sessions = (await response.json()) as typeof sessions;
  }
  const pairs: Pair[] = [];
  for (let i = 0; i < count; i += 100) {
    const batch = Array.from({ length: Math.min(100, count - i) }, (_, j) => {
      if (target === 'tandem') return tandemPair(base, sessions[i + j]!);
      if (target === 'socket.io') return socketIoPair(base, `room-${i + j}`);
      return echoPair(base);
    });
    pairs.push(...(await Promise.all(batch)));
  }
  return pairs;
}
