// Test support for the HTTP fuzzers: a seeded generator of hostile requests (methods, paths, bodies,
// headers, sizes) written as raw bytes over a socket, so content-length lies and duplicated headers
// really reach the server, and a checker for the answers. Reproducible from the printed seed.
import { connect } from 'node:net';
import { registeredCodes } from '../protocol/errors/index.js';

/** Planted in inputs; must never come back in an error answer. */
export const MARKER = 'FUZZMARKER7Q';
/** IMEI-shaped (15 digits, Luhn valid): must never come back either. */
export const IMEI_LIKE = '356938035643809';

import { createRandom, type Random } from './seeded-random.js';

export const rng = createRandom;
export type Rng = Random;

export interface RawAnswer {
  /** 0 when the server closed or stalled without an answer (allowed for broken framing). */
  status: number;
  body: string;
}

/** Writes `head` and `body` on a fresh connection; resolves with the first answer or none. */
export function sendRaw(
  port: number,
  head: string,
  body: Buffer,
  timeoutMs = 3000,
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parseAnswer(Buffer.concat(chunks)));
    };
    const timer = setTimeout(finish, timeoutMs);
    socket.on('error', finish);
    socket.on('close', finish);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      const answer = parseAnswer(Buffer.concat(chunks));
      if (answer.status !== 0 && answer.complete) finish();
    });
    socket.on('connect', () => {
      socket.write(head);
      if (body.length > 0) socket.write(body, () => undefined);
    });
  });
}

function parseAnswer(bytes: Buffer): RawAnswer & { complete: boolean } {
  const text = bytes.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, body: '', complete: false };
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
  const headers = text.slice(0, end).toLowerCase();
  const length = Number(/\r\ncontent-length: *(\d+)/.exec(headers)?.[1] ?? -1);
  let body = bytes.subarray(end + 4);
  if (/\r\ntransfer-encoding: *chunked/.test(headers)) {
    const parts: Buffer[] = [];
    let at = 0;
    let complete = false;
    for (;;) {
      const lineEnd = body.indexOf('\r\n', at);
      if (lineEnd < 0) break;
      const size = parseInt(body.subarray(at, lineEnd).toString('latin1'), 16);
      if (size === 0) {
        complete = true;
        break;
      }
      parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    return { status, body: Buffer.concat(parts).toString('utf8'), complete };
  }
  const complete = length < 0 || body.length >= length;
  if (length >= 0) body = body.subarray(0, length);
  return { status, body: body.toString('utf8'), complete };
}

/** Every registered code (protocol/errors/index.ts); each has its row in docs/errors.md. */
export function documentedCodes(): Set<string> {
  return registeredCodes();
}

const METHODS = [
  'GET',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'HEAD',
  'TRACE',
  'FOO',
  'post',
];
const TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  `application/${MARKER}`,
  '',
  'application/json; charset=latin1',
];

export interface FuzzTarget {
  port: number;
  /** Real routes of the API under test, to aim most requests at. */
  paths: readonly string[];
  /** Valid JSON bodies to mutate. */
  bodies: readonly unknown[];
  /** Headers a good caller sends (Authorization, Host…); the fuzzer drops or bends them. */
  goodHeaders: () => Record<string, string>;
  /** Host values to try besides the good one. */
  hostVariants: readonly string[];
}

export interface FuzzRequest {
  method: string;
  head: string;
  body: Buffer;
  label: string;
}

function randomString(r: Rng, max: number): string {
  const alphabet = 'aZ09_-./%"\\{}[]:,\u00e9\u4e2d\u0000\n ';
  let text = '';
  const n = r.int(max);
  for (let i = 0; i < n; i += 1) text += alphabet[r.int(alphabet.length)];
  return text;
}

function plant(r: Rng): string {
  return r.pick([MARKER, IMEI_LIKE, `${MARKER}${IMEI_LIKE}`, `x${IMEI_LIKE}y`]);
}

function mutateValue(r: Rng, value: unknown, depth = 0): unknown {
  if (depth > 4) return plant(r);
  if (Array.isArray(value)) return value.map((v) => mutateValue(r, v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const roll = r.int(6);
      if (roll === 0) continue;
      out[roll === 1 ? plant(r) : key] = roll === 2 ? plant(r) : mutateValue(r, v, depth + 1);
    }
    if (r.int(3) === 0) out[plant(r)] = plant(r);
    return out;
  }
  return r.pick([value, plant(r), 1e308, -1, null, true, [], {}, plant(r).repeat(50), IMEI_LIKE]);
}

function randomBody(r: Rng, target: FuzzTarget): Buffer {
  switch (r.int(9)) {
    case 0:
      return Buffer.alloc(0);
    case 1:
      return Buffer.from(Array.from({ length: r.int(2000) }, () => r.int(256)));
    case 2: {
      const depth = 1000 + r.int(20_000);
      return Buffer.from('['.repeat(depth) + `"${plant(r)}"` + ']'.repeat(r.int(2) ? depth : 3));
    }
    case 3:
      return Buffer.from(
        JSON.stringify({ identity: { kind: 'imei', value: plant(r).repeat(1 + r.int(2000)) } }),
      );
    case 4: {
      // Up to a few MB, far over every body limit.
      const size = r.pick([17_000, 1_100_000, 3_000_000]);
      return Buffer.from(`{"x":"${plant(r)}${'a'.repeat(size)}"}`);
    }
    case 5: {
      const text = JSON.stringify(mutateValue(r, r.pick(target.bodies)));
      const cut = r.int(3) === 0 ? r.int(text.length + 1) : text.length;
      return Buffer.from(text.slice(0, cut));
    }
    case 6:
      return Buffer.from(`{"${plant(r)}": ${randomString(r, 40)}`);
    case 7:
      return Buffer.from(JSON.stringify(r.pick([null, 0, plant(r), [plant(r)], true])));
    default:
      return Buffer.from(JSON.stringify(mutateValue(r, r.pick(target.bodies))));
  }
}

function randomPath(r: Rng, target: FuzzTarget): string {
  const base = r.pick(target.paths);
  switch (r.int(8)) {
    case 0:
      return `/${plant(r)}`;
    case 1:
      return `${base}?${plant(r)}=${plant(r)}&token=${plant(r)}`;
    case 2:
      return `${base}/${encodeURIComponent(randomString(r, 20))}`;
    case 3:
      return `${base}%00%ff/../${plant(r)}`;
    case 4:
      return `/${'a/'.repeat(r.int(3000))}${plant(r)}`;
    default:
      return base;
  }
}

/** One hostile request aimed at `target`, drawn from `r`. */
export function fuzzRequest(r: Rng, target: FuzzTarget): FuzzRequest {
  const method = r.pick(METHODS);
  const path = randomPath(r, target);
  const body = r.int(5) === 0 ? Buffer.alloc(0) : randomBody(r, target);
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(target.goodHeaders())) {
    const roll = r.int(10);
    if (roll === 0) continue;
    if (roll === 1) headers.push([name, `${value}${plant(r)}`]);
    else if (roll === 2) headers.push([name, value], [name, r.pick([value, plant(r)])]);
    else if (roll === 3 && name === 'host') headers.push([name, r.pick(target.hostVariants)]);
    else headers.push([name, value]);
  }
  if (!headers.some(([name]) => name === 'host'))
    headers.push(['host', r.pick(target.hostVariants)]);
  if (r.int(4) !== 0) headers.push(['content-type', r.pick(TYPES)]);
  if (r.int(3) === 0) headers.push(['content-type', r.pick(TYPES)]);
  if (r.int(4) === 0) {
    headers.push([
      'origin',
      r.pick(['null', `http://${plant(r)}.example`, 'http://127.0.0.1', 'file://']),
    ]);
  }
  if (r.int(10) === 0) headers.push([`x-${plant(r)}`, plant(r)]);
  let sent = body;
  const lie = r.int(6);
  if (lie === 0) {
    headers.push(['content-length', String(body.length + 1 + r.int(100))]);
  } else if (lie === 1) {
    headers.push(['content-length', String(Math.max(0, body.length - 1 - r.int(10)))]);
  } else if (lie === 2) {
    headers.push(
      ['content-length', String(body.length)],
      ['content-length', String(body.length + 5)],
    );
  } else if (lie === 3 && body.length > 0) {
    headers.push(['transfer-encoding', 'chunked']);
    sent = Buffer.concat([
      Buffer.from(`${body.length.toString(16)}\r\n`),
      body,
      Buffer.from('\r\n0\r\n\r\n'),
    ]);
  } else {
    headers.push(['content-length', String(body.length)]);
  }
  headers.push(['connection', 'close']);
  const lines = headers.map(([name, value]) => `${name}: ${value.replace(/[\r\n]/g, '')}`);
  const head = `${method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
  return { method, head, body: sent, label: `${method} ${path.slice(0, 80)} (${body.length} B)` };
}

/** Everything wrong with one answer, empty when it is fine. */
export function answerProblems(answer: RawAnswer, codes: Set<string>, method: string): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`status ${answer.status}`);
  // A HEAD answer has no body; bytes after its head belong to whatever answer came next.
  if (method === 'HEAD') return problems;
  if (answer.status >= 400) {
    let parsed: { error?: { code?: unknown; message?: unknown } } | undefined;
    try {
      parsed = JSON.parse(answer.body) as typeof parsed;
    } catch {
      problems.push(`error body is not JSON: ${answer.body.slice(0, 120)}`);
    }
    const error = parsed?.error;
    if (parsed && (typeof error?.code !== 'string' || typeof error.message !== 'string')) {
      problems.push(`error body is not { error: { code, message } }: ${answer.body.slice(0, 160)}`);
    } else if (error && !codes.has(error.code as string)) {
      problems.push(`undocumented code ${String(error.code)}`);
    }
  }
  if (answer.status >= 400 && (answer.body.includes(MARKER) || answer.body.includes(IMEI_LIKE))) {
    problems.push(`error echoes an input value: ${answer.body.slice(0, 200)}`);
  }
  return problems;
}
