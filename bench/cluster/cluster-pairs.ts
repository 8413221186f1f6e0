// The load generator's sessions for bench/cluster: the PC's terminal on one node, the phone's on
// another (or the same), spoken in the relay's wire protocol by hand as bench/relay does: sealed-size
// payloads, and the receiver's acks as the reference client sends them (ACK_POLICY).
import { WebSocket } from 'ws';
import { ACK_POLICY } from '../../protocol/relay-frames.js';

export interface Pair {
  send(payload: string): void;
  onReceive(handler: () => void): void;
  close(): void;
}

const FWD = Buffer.from('{"t":"fwd","seq":');

function openWs(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

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

async function pair(
  pcBase: string,
  phoneBase: string,
  session: { pageId: string; secret: string },
): Promise<Pair> {
  const url = (base: string, role: string) =>
    `ws://${base}/v1/relay?v=2&page=${session.pageId}&role=${role}&k=${session.secret}`;
  const pc = await openWs(url(pcBase, 'pc'));
  const phone = await openWs(url(phoneBase, 'phone'));
  let seq = 0;
  let handler = (): void => {};
  const acked = receiverAcks(phone);
  phone.on('message', (data: Buffer) => {
    if (data.length < FWD.length || data.compare(FWD, 0, FWD.length, 0, FWD.length) !== 0) return;
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
 * `count` sessions created on the first node; with two nodes, session i puts its PC on node i % 2
 * and its phone on the other, so every message crosses nodes and both nodes do both halves.
 */
export async function connectClusterPairs(bases: string[], count: number): Promise<Pair[]> {
  const response = await fetch(`http://${bases[0]}/bench/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ n: count }),
  });
  const sessions = (await response.json()) as Array<{ pageId: string; secret: string }>;
  const pairs: Pair[] = [];
  for (let i = 0; i < count; i += 100) {
    const batch = Array.from({ length: Math.min(100, count - i) }, (_, j) => {
      const n = i + j;
      const pcBase = bases[n % bases.length]!;
      const phoneBase = bases[(n + 1) % bases.length]!;
      return pair(pcBase, phoneBase, sessions[n]!);
    });
    pairs.push(...(await Promise.all(batch)));
  }
  return pairs;
}
