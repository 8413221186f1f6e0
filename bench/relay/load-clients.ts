// The load generator's view of each target: a pair of endpoints where `a.send` reaches `b`. The
// same harness for all three: one raw `ws` client per connection, the same 128 B payload, each
// target spoken in its own wire protocol by hand (socket.io's too, so the heavier socket.io-client
// does not eat the generator's CPU and make the server look slower than it is). Tandem is driven
// with its wire protocol (sealed-size payloads, acks as the reference client sends them), not the
// full client, so the benchmark measures the server rather than the generator's AES-GCM.
import { WebSocket } from 'ws';
import {
  connectInBatches,
  createBenchSessions,
  openWs,
  startsWith,
  tandemPair,
  type BenchSession,
  type Pair,
} from '../support/tandem-pairs.js';

export type { Pair };

export type Target = 'tandem' | 'socket.io' | 'echo';

// Received frames are checked as bytes, the same way for every target.
const EVENT_M = Buffer.from('42["m"');

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
  const sessions: BenchSession[] =
    target === 'tandem' ? await createBenchSessions(base, count) : [];
  return connectInBatches(count, (n) => {
    if (target === 'tandem') return tandemPair(base, base, sessions[n]!);
    if (target === 'socket.io') return socketIoPair(base, `room-${n}`);
    return echoPair(base);
  });
}
