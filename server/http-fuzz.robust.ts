// HTTP fuzzer for the pairing API: hostile methods, paths, bodies (random bytes, mutated JSON, deep
// nesting, huge strings, a few MB), headers (content types, content-length lies, duplicates, Host
// and Origin variants) against the real server on 127.0.0.1. The server must never answer 5xx, every
// error must be `{ error: { code, message } }` with a documented code that echoes no value sent, and
// afterwards a healthy client must still register, bind and open a session. One round with a fixed
// seed, one with a random seed, both printed (replay: HTTP_FUZZ_SEED=<seed>). No WebSocket upgrades
// here: the relay's own fuzzer (server/relay/relay-fuzz.robust.ts) covers those.
import { randomInt } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerProblems,
  documentedCodes,
  fuzzRequest,
  IMEI_LIKE,
  rng,
  sendRaw,
} from '../testing/http-fuzz.js';
import { startServer, type RunningServer } from './listen.js';
import { tempDir, TEST_IMEI } from '../testing/server-app.js';

const FIXED_SEED = 20261204;
const REQUESTS = 240;
const WORKERS = 4;
const envSeed = process.env.HTTP_FUZZ_SEED;
const seeds = envSeed !== undefined ? [Number(envSeed)] : [FIXED_SEED, randomInt(2 ** 31)];

const identity = { kind: 'imei', value: TEST_IMEI };
const BODIES = [
  {},
  { identity },
  { identity: { kind: 'serial', value: 'emulator-5554' } },
  { identity: { kind: 'android_id', value: IMEI_LIKE } },
  { identity: { kind: 'imei', value: IMEI_LIKE } },
];
const PATHS = [
  '/healthz',
  '/v1/clients',
  '/v1/clients/me',
  '/v1/bindings',
  '/v1/bindings/lookup',
  '/v1/bindings/release',
  '/v1/bindings/touch',
  '/v1/sessions',
  '/v1/relay/probe',
  '/openapi.json',
  '/',
];

describe('pairing API HTTP fuzzer', () => {
  const dir = tempDir('tandem-http-fuzz-');
  let server: RunningServer;
  let authorization = '';

  before(async () => {
    // Per-address and per-account limits off, so fuzzed requests reach the routes behind them.
    server = await startServer({
      dataDir: dir.path,
      host: '127.0.0.1',
      port: 0,
      sweepIntervalMs: 0,
      rateLimit: false,
      addressLimits: false,
    });
    const account = (await (await post('/v1/clients', {}, '')).json()) as {
      clientId: string;
      credential: string;
    };
    authorization = `Bearer ${account.clientId}.${account.credential}`;
  });
  after(async () => {
    await server.close();
    dir.remove();
  });

  const post = (path: string, body: unknown, auth: string): Promise<Response> =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
      body: JSON.stringify(body),
    });

  for (const seed of seeds) {
    it(`seed ${seed}: no 5xx, coded errors that echo nothing, healthy client still served`, async () => {
      console.log(`pairing API fuzz seed ${seed} (replay: HTTP_FUZZ_SEED=${seed})`);
      const codes = documentedCodes();
      const findings: string[] = [];
      const statuses = new Map<number, number>();
      const target = {
        port: server.port,
        paths: PATHS,
        bodies: BODIES,
        goodHeaders: () => ({ host: `127.0.0.1:${server.port}`, authorization }),
        hostVariants: [`evil.example:${server.port}`, `localhost:${server.port}`, '', '127.0.0.1'],
      };
      await Promise.all(
        Array.from({ length: WORKERS }, async (_, worker) => {
          const r = rng(seed * WORKERS + worker);
          for (let i = worker; i < REQUESTS; i += WORKERS) {
            const request = fuzzRequest(r, target);
            const answer = await sendRaw(server.port, request.head, request.body);
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            for (const problem of answerProblems(answer, codes, request.method)) {
              findings.push(`${request.label}: ${problem}`);
            }
          }
        }),
      );
      console.log('statuses', Object.fromEntries(statuses));
      assert.deepEqual(findings.slice(0, 20), []);
      assert.ok(
        (statuses.get(400) ?? 0) + (statuses.get(401) ?? 0) > 0,
        'fuzzed requests were refused',
      );

      // A healthy client afterwards: register, bind, open a session.
      const fresh = await post('/v1/clients', {}, '');
      assert.equal(fresh.status, 201);
      const account = (await fresh.json()) as { clientId: string; credential: string };
      const auth = `Bearer ${account.clientId}.${account.credential}`;
      const serial = { kind: 'serial', value: `fuzz-${seed}` };
      const bound = await post('/v1/bindings', { identity: serial }, auth);
      assert.equal(bound.status, 200);
      assert.deepEqual(await bound.json(), { status: 'bound-to-you', created: true });
      const session = await post('/v1/sessions', {}, auth);
      assert.equal(session.status, 201);
      assert.match(((await session.json()) as { pageId: string }).pageId, /\S/);
    });
  }
});
