// Shared by bench/relay and bench/cluster: a Tandem session's two terminals spoken in the relay's
// wire protocol by hand (sealed-size payloads, the receiver's acks as the reference client sends
// them, ACK_POLICY), not the full client, so a benchmark measures the server rather than the
// generator's AES-GCM. Also the bench-only bulk session creation and the batched connecting.
import { WebSocket } from 'ws';
import { ACK_POLICY } from '../../protocol/relay-frames.js';

/** A pair of endpoints where `send` on one side reaches the other. */
export interface Pair {
  send(payload: string): void;
  onReceive(handler: () => void): void;
  close(): void;
}

export interface BenchSession {
  pageId: string;
  secret: string;
}

const FWD = Buffer.from('{"t":"fwd","seq":');

/** Whether a received frame begins with `prefix`, checked as bytes. */
export const startsWith = (data: Buffer, prefix: Buffer): boolean =>
  data.length >= prefix.length && data.compare(prefix, 0, prefix.length, 0, prefix.length) === 0;

export function openWs(url: string): Promise<WebSocket> {
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

/** The PC's terminal on `pcBase`, the phone's on `phoneBase` (the same node or another). */
export async function tandemPair(
  pcBase: string,
  phoneBase: string,
  session: BenchSession,
): Promise<Pair> {
  const url = (base: string, role: string) =>
    `ws://${base}/v1/relay?v=2&page=${session.pageId}&role=${role}&k=${session.secret}`;
  // The PC first, then the phone, as a real pairing goes (and so across nodes too).
  const pc = await openWs(url(pcBase, 'pc'));
  const phone = await openWs(url(phoneBase, 'phone'));
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

/** `count` sessions in one call to the bench-only route of a relay node. */
export async function createBenchSessions(base: string, count: number): Promise<BenchSession[]> {
  const response = await fetch(`http://${base}/bench/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ n: count }),
  });
  return (await response.json()) as BenchSession[];
}

/** `count` pairs, connected 100 at a time so the handshakes do not all land at once. */
export async function connectInBatches(
  count: number,
  connect: (index: number) => Promise<Pair>,
): Promise<Pair[]> {
  const pairs: Pair[] = [];
  for (let i = 0; i < count; i += 100) {
    const batch = Array.from({ length: Math.min(100, count - i) }, (_, j) => connect(i + j));
    pairs.push(...(await Promise.all(batch)));
  }
  return pairs;
}
