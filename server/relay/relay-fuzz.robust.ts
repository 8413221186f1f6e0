// Relay protocol fuzzer: many terminals at once send random, mutated and truncated frames (text and
// binary, well-formed JSON of the wrong types, huge declared sizes, garbage), open upgrades with
// mangled parameters, close at random, reset their TCP socket (RST) and stop reading. A healthy
// PC↔phone session relays through the same relay meanwhile: every one of its messages must arrive,
// in order, once. The relay runs in its own process and must stay up; fuzzed terminals may only get
// coded closes and coded refusals. One round with a fixed seed, one with a random seed, both
// printed; RELAY_FUZZ_SEED=<n> replays one round. Bounded: a time and an action budget per round.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { randomInt } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { RelayCloseCode, RelayErrorCode } from '../../protocol/relay-errors.js';
import { MAX_FRAME_BYTES } from '../../protocol/relay-frames.js';
import { MESSAGE_DELIVERY } from '../../protocol/relay-messages.js';
import type { RelayMessage } from '../../protocol/relay-messages.js';
import { buildSessionUrl } from '../../protocol/session-url.js';
import { generateSealKey } from '../../testing/relay-client-parts.js';
import { nodeTerminal, waitOpen } from '../../testing/relay-server.js';
import { startReadyServer } from '../../testing/ready-server.js';
import { createRandom, type Random } from '../../testing/seeded-random.js';
import { waitFor } from '../../testing/wait.js';

const FIXED_SEED = 0x5eed_7a4d;
const ROUND_MS = 12_000;
const WORKERS = 16;
const MAX_ACTIONS_PER_WORKER = 400;
const HEALTHY_MESSAGES = 300;

/**
 * Close codes a fuzzed terminal may see from the relay: its own, and 1007 (ws: a text frame that is
 * not UTF-8). After the terminal closed or reset the connection itself, anything goes.
 */
const CODED_CLOSES = new Set<number>([...Object.values(RelayCloseCode), 1007]);
const ERROR_CODES = new Set<string>(Object.values(RelayErrorCode));
const TYPES = [...Object.keys(MESSAGE_DELIVERY), 'no.such.type', '', 'x'.repeat(200)];

interface Session {
  pageId: string;
  secret: string;
}

interface Relay {
  child: ChildProcess;
  port: number;
  exited: () => boolean;
}

/** The relay in its own process (the benchmark's server), so a crash is seen as an exit. */
async function startRelay(): Promise<Relay> {
  const entry = fileURLToPath(new URL('../../bench/relay/server-process.ts', import.meta.url));
  const { child, port } = await startReadyServer(entry, ['tandem'], { detached: true });
  let exited = false;
  child.once('exit', () => (exited = true));
  return { child, port, exited: () => exited };
}

async function createSessions(port: number, n: number): Promise<Session[]> {
  const response = await fetch(`http://127.0.0.1:${port}/bench/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ n }),
  });
  return (await response.json()) as Session[];
}

/** One frame of the fuzz: well-formed, wrongly typed, mutated, truncated, binary or garbage. */
function fuzzFrame(r: Random, seq: number): { data: string | Buffer; binary: boolean } {
  const type = r.pick(TYPES);
  const mode = r.pick(['reliable', 'latest', 'both', 7, null]);
  const seqValue = r.pick([seq, seq + 5, 0, -1, 1e300, 1.5, '3', null, Number.MAX_SAFE_INTEGER]);
  const valid = `{"v":2,"t":"msg","mode":"reliable","seq":${seq},"type":"data.text","sealed":"${'Q'.repeat(r.int(64))}"}`;
  const kinds: Array<() => string | Buffer> = [
    () => valid,
    () => JSON.stringify({ v: 2, t: 'msg', mode, seq: seqValue, type, sealed: r.int(1e6) }),
    () =>
      JSON.stringify({
        v: 2,
        t: 'msg',
        mode: 'reliable',
        seq,
        type: 'data.file.begin',
        body: { type: 'data.file.begin', id: 'f', name: 'n', size: 1e18, chunks: 2 ** 53 },
      }),
    () => JSON.stringify({ t: 'ack', seq: r.pick([1e300, -5, 'x', seq * 1000, null]) }),
    () => JSON.stringify({ t: r.pick(['bye', 'hb', 'welcome', 'fwd', 'error', 7]) }),
    () => JSON.stringify({ v: r.pick([1, 3, 99, '2', null]), t: 'msg', mode: 'latest', type }),
    () => valid.slice(0, r.int(valid.length)), // truncated
    () => {
      const bytes = Buffer.from(valid);
      for (let i = 0; i < 1 + r.int(4); i++) bytes[r.int(bytes.length)] = r.int(256);
      return bytes; // mutated, maybe no longer UTF-8
    },
    () => Buffer.from(Array.from({ length: r.int(300) }, () => r.int(256))), // garbage
    () => '['.repeat(1 + r.int(20_000)),
    () =>
      `{"v":2,"t":"msg","mode":"latest","type":"op.scroll","sealed":"${'Z'.repeat(r.int(2048))}"}`,
    () => 'A'.repeat(MAX_FRAME_BYTES + 1 + r.int(64)), // over maxPayload: 1009
  ];
  const data = r.pick(kinds)();
  return { data, binary: r.next() < 0.1 };
}

interface Findings {
  violations: string[];
  closes: Map<number, number>;
  refusals: Map<string, number>;
  actions: number;
}

function count<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** An upgrade with mangled parameters, or a raw socket that resets mid-request. */
async function fuzzUpgrade(r: Random, port: number, sessions: Session[], found: Findings) {
  const session = r.pick(sessions);
  const params = [
    `v=${r.pick(['2', '1', '99', 'x', ''])}`,
    `page=${r.pick([session.pageId, 'short', 'A'.repeat(40), '%00'])}`,
    `role=${r.pick(['pc', 'phone', 'admin', ''])}`,
    r.pick([`k=${'B'.repeat(43)}`, `t=${'C'.repeat(40)}`, '', `k=x&t=y`]),
    r.pick(['', 'resume=short', `resume=${'D'.repeat(24)}&last=-1`, 'last=1e400']),
  ].join('&');
  const path = r.pick([`/v1/relay?${params}`, `/nope?${params}`, '/v1/relay']);
  if (r.next() < 0.5) {
    // Raw TCP: the request (maybe cut short), then an RST before or while the refusal is written.
    const socket: Socket = connect(port, '127.0.0.1');
    const connected = await new Promise<boolean>((resolve) => {
      socket.once('connect', () => resolve(true));
      socket.once('error', () => resolve(false));
    });
    socket.on('error', () => {});
    if (!connected) return;
    const request =
      `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${Buffer.from('0123456789abcdef').toString('base64')}\r\n` +
      'Sec-WebSocket-Version: 13\r\n\r\n';
    socket.write(request.slice(0, r.next() < 0.7 ? request.length : r.int(request.length)));
    if (r.next() < 0.5) await new Promise((resolve) => setImmediate(resolve));
    socket.resetAndDestroy();
    return;
  }
  await new Promise<void>((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { perMessageDeflate: false });
    ws.on('unexpected-response', (_request, response) => {
      const code = String(response.headers['x-tandem-error'] ?? '');
      if (!ERROR_CODES.has(code) && code !== 'NOT_FOUND') {
        found.violations.push(`uncoded refusal ${response.statusCode} ${code}`);
      }
      count(found.refusals, code);
      response.resume();
      ws.terminate();
      resolve();
    });
    ws.on('open', () => {
      found.violations.push('a mangled upgrade was accepted');
      ws.terminate();
      resolve();
    });
    ws.on('error', () => resolve());
  });
}

/** Joins a fuzz session and misbehaves on the open connection, then leaves one way or another. */
async function fuzzConnection(r: Random, port: number, session: Session, found: Findings) {
  const role = r.pick(['pc', 'phone']);
  const url = `ws://127.0.0.1:${port}/v1/relay?v=2&page=${session.pageId}&role=${role}&k=${session.secret}`;
  const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 4 * MAX_FRAME_BYTES });
  let endedByUs = false;
  const closed = new Promise<void>((resolve) => {
    ws.on('message', (data) => {
      const text = String(data);
      if (!text.startsWith('{"t":"error"')) return;
      const code = (JSON.parse(text) as { code: string }).code;
      if (!ERROR_CODES.has(code)) found.violations.push(`uncoded error frame ${code}`);
    });
    ws.on('unexpected-response', (_request, response) => {
      count(found.refusals, String(response.headers['x-tandem-error'] ?? ''));
      if (!ERROR_CODES.has(String(response.headers['x-tandem-error']))) {
        found.violations.push(`uncoded refusal of a join ${response.statusCode}`);
      }
      response.resume();
      resolve();
    });
    ws.on('close', (code) => {
      count(found.closes, code);
      if (!CODED_CLOSES.has(code) && !endedByUs) {
        found.violations.push(`uncoded close ${code}`);
      }
      resolve();
    });
    ws.on('error', () => {});
  });
  const opened = await new Promise<boolean>((resolve) => {
    ws.once('open', () => resolve(true));
    ws.once('close', () => resolve(false));
    ws.once('unexpected-response', () => resolve(false));
  });
  if (!opened) return closed;
  const socket = (ws as unknown as { _socket: Duplex & { resetAndDestroy(): void } })._socket;
  let seq = 0;
  for (let i = 0, n = r.int(30); i < n && ws.readyState === ws.OPEN; i++) {
    const { data, binary } = fuzzFrame(r, ++seq);
    ws.send(data, { binary });
    if (r.next() < 0.2) await new Promise((resolve) => setImmediate(resolve));
  }
  const ending = r.int(5);
  if (ending === 3) {
    // A slow reader: stops reading for a while (the relay's buffers fill), then resets.
    socket.pause();
    await new Promise((resolve) => setTimeout(resolve, 50 + r.int(400)));
  }
  endedByUs = ending !== 4;
  if (ending === 0) ws.close(r.pick([1000, 1001, 4000, 3000]));
  else if (ending === 1) ws.terminate();
  else if (ending === 2 || ending === 3) socket.resetAndDestroy();
  else ws.send('{"t":"bye"}');
  // The relay closes a refused terminal within its close timeout; never wait longer than that.
  const timeout = setTimeout(() => ((endedByUs = true), ws.terminate()), 6_000);
  await closed;
  clearTimeout(timeout);
}

async function fuzzRound(seed: number, relay: Relay, sessions: Session[]): Promise<Findings> {
  const found: Findings = { violations: [], closes: new Map(), refusals: new Map(), actions: 0 };
  const deadline = Date.now() + ROUND_MS;
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      const r = createRandom(seed + worker);
      for (let i = 0; i < MAX_ACTIONS_PER_WORKER && Date.now() < deadline && !relay.exited(); i++) {
        found.actions++;
        if (r.next() < 0.35) await fuzzUpgrade(r, relay.port, sessions, found);
        else await fuzzConnection(r, relay.port, r.pick(sessions), found);
      }
    }),
  );
  return found;
}

/** The healthy pair: numbered texts both ways through the same relay while the fuzz runs. */
async function healthySession(port: number, session: Session) {
  const url = (sealKey: string) =>
    buildSessionUrl({ server: `http://127.0.0.1:${port}`, ...session, sealKey });
  const key = generateSealKey();
  const pc = nodeTerminal(url(key), 'pc').client.start();
  const phone = nodeTerminal(url(key), 'phone').client.start();
  const atPhone: string[] = [];
  const atPc: string[] = [];
  phone.on('message', (m: RelayMessage) => void (m.type === 'data.text' && atPhone.push(m.text)));
  pc.on('message', (m: RelayMessage) => void (m.type === 'data.text' && atPc.push(m.text)));
  await Promise.all([
    waitOpen({ client: pc, sockets: [] }),
    waitOpen({ client: phone, sockets: [] }),
  ]);
  let stop = false;
  const sent = { pc: 0, phone: 0 };
  const running = (async () => {
    for (let i = 0; i < HEALTHY_MESSAGES && !stop; i++) {
      await pc.send({ type: 'data.text', text: `pc-${sent.pc++}` });
      if (i % 3 === 0) await phone.send({ type: 'data.text', text: `phone-${sent.phone++}` });
      await new Promise((resolve) => setTimeout(resolve, ROUND_MS / HEALTHY_MESSAGES / 2));
    }
  })();
  return {
    finish: async () => {
      stop = true;
      await running;
      return { pc, phone, atPhone, atPc, sent };
    },
  };
}

const expected = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

const envSeed = process.env.RELAY_FUZZ_SEED;
const seeds = envSeed !== undefined ? [Number(envSeed)] : [FIXED_SEED, randomInt(2 ** 31)];

describe('relay protocol fuzzer', () => {
  const relays: Relay[] = [];
  after(() => {
    for (const relay of relays) if (!relay.exited()) process.kill(-relay.child.pid!, 'SIGKILL');
  });

  for (const seed of seeds) {
    it(`seed ${seed}: the relay stays up, fuzzed terminals get coded answers, the healthy session loses nothing`, async () => {
      console.log(`relay fuzz seed ${seed} (replay: RELAY_FUZZ_SEED=${seed})`);
      // A relay of its own per round: one round's crash does not spoil the next.
      const relay = await startRelay();
      relays.push(relay);
      const [healthy, ...fuzzSessions] = await createSessions(relay.port, 41);
      const pair = await healthySession(relay.port, healthy!);
      const found = await fuzzRound(seed, relay, fuzzSessions);
      const { pc, phone, atPhone, atPc, sent } = await pair.finish();
      assert.equal(relay.exited(), false, 'the relay process is still up');
      assert.ok(sent.pc > 0 && sent.phone > 0);
      await waitFor(
        'every healthy message',
        () => atPhone.length >= sent.pc && atPc.length >= sent.phone,
        20_000,
      );
      assert.deepEqual(atPhone, expected('pc', sent.pc), 'at the phone: all, in order, once each');
      assert.deepEqual(atPc, expected('phone', sent.phone), 'at the PC: all, in order, once each');
      assert.deepEqual(found.violations, [], 'only coded closes and refusals');
      console.log(
        `  ${found.actions} actions; closes ${JSON.stringify([...found.closes])}; ` +
          `refusals ${JSON.stringify([...found.refusals])}; healthy ${atPhone.length} + ${atPc.length} messages`,
      );
      pc.close();
      phone.close();
      // Still answering after the round, not merely alive.
      assert.equal((await createSessions(relay.port, 1)).length, 1);
    });
  }
});
