// The load generator's view of each target: a pair of endpoints where `a.send` reaches `b`.
// Tandem is driven with its wire protocol (sealed-size payloads, acks every 32), not the full
// client, so the benchmark measures the server rather than the generator's AES-GCM.
import { io } from 'socket.io-client';
import { WebSocket } from 'ws';

export interface Pair {
  send(payload: string): void;
  onReceive(handler: () => void): void;
  close(): void;
}

export type Target = 'tandem' | 'socket.io' | 'echo';

function openWs(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

async function tandemPair(
  base: string,
  session: { pageId: string; secret: string },
): Promise<Pair> {
  const url = (role: string) =>
    `ws://${base}/v1/relay?v=1&page=${session.pageId}&role=${role}&k=${session.secret}`;
  const [pc, phone] = await Promise.all([openWs(url('pc')), openWs(url('phone'))]);
  let seq = 0;
  let received = 0;
  let handler = (): void => {};
  phone.on('message', (data) => {
    const text = String(data);
    if (!text.startsWith('{"t":"fwd"')) return;
    handler();
    if (++received % 32 === 0) {
      const ack = /"seq":(\d+)/.exec(text)?.[1];
      phone.send(`{"t":"ack","seq":${ack}}`);
    }
  });
  return {
    send: (payload) =>
      pc.send(
        `{"v":1,"t":"msg","mode":"reliable","seq":${++seq},"type":"data.text","sealed":"${payload}"}`,
      ),
    onReceive: (h) => (handler = h),
    close: () => (pc.terminate(), phone.terminate()),
  };
}

async function socketIoPair(base: string, room: string): Promise<Pair> {
  const connect = () =>
    new Promise<ReturnType<typeof io>>((resolve, reject) => {
      const socket = io(`http://${base}`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
      });
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });
  const [a, b] = await Promise.all([connect(), connect()]);
  a.emit('join', room);
  b.emit('join', room);
  await new Promise((resolve) => setTimeout(resolve, 5));
  let handler = (): void => {};
  b.on('m', () => handler());
  return {
    send: (p) => a.emit('m', p),
    onReceive: (h) => (handler = h),
    close: () => (a.close(), b.close()),
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
