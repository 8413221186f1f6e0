// HTTP fuzzer for the agent's local control API (token + Host + Origin guarded): hostile methods,
// paths, bodies, headers and sizes against the control server on 127.0.0.1, started as the agent
// starts it (startControlServer) over an in-memory AgentControl. It must never answer 5xx, every
// error must be `{ error: { code, message } }` with a documented code that echoes no value sent,
// and a good request with the token still works afterwards. Fixed seed plus a random seed, both
// printed (replay: CONTROL_FUZZ_SEED=<seed>).
import { randomInt } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  answerProblems,
  documentedCodes,
  fuzzRequest,
  IMEI_LIKE,
  MARKER,
  rng,
  sendRaw,
} from '../../testing/http-fuzz.js';
import type { AgentControl } from './control-api.js';
import { ControlError } from './control-error.js';
import { openSettingsStore } from '../settings/settings-store.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startControlServer, type ControlServer } from './control-server.js';

const FIXED_SEED = 77001;
const REQUESTS = 240;
const WORKERS = 4;
const token = 'fuzz-control-token-0123456789';
const envSeed = process.env.CONTROL_FUZZ_SEED;
const seeds = envSeed !== undefined ? [Number(envSeed)] : [FIXED_SEED, randomInt(2 ** 31)];

const PATHS = [
  '/',
  '/api/status',
  '/api/history',
  '/api/pause',
  '/api/resume',
  '/api/forget',
  '/api/release',
  '/api/open',
  '/api/tabs',
  '/api/browser',
  '/api/send',
];
const BODIES = [
  {},
  { target: 'emulator-5554' },
  { target: IMEI_LIKE },
  { url: 'http://127.0.0.1:9/page' },
  { action: 'close', tabId: 't1' },
  { kind: 'text', text: MARKER },
  { kind: 'url', url: 'https://example.com/' },
];

/** An agent with no phones: every route has something real to call. */
function memoryControl(): AgentControl {
  let paused = false;
  const unknown = (): never => {
    throw new ControlError('HISTORY_NOT_FOUND', 'no paired phone matches', 404);
  };
  return {
    settings: openSettingsStore(mkdtempSync(join(tmpdir(), 'tandem-fuzz-settings-'))),
    status: () => ({
      paused,
      serverUrl: 'http://127.0.0.1:1',
      devices: [],
      usbWithoutDebugging: [],
    }),
    pause: () => void (paused = true),
    resume: () => void (paused = false),
    history: () => [],
    forget: async () => unknown(),
    release: async () => unknown(),
    open: async (url) => ({ tabId: 't1', url }),
    browser: { tabs: () => [], act: async () => [] },
    send: async () => ({ delivered: 0 }) as never,
  };
}

describe('control API HTTP fuzzer', () => {
  let server: ControlServer;
  let port = 0;

  before(async () => {
    server = await startControlServer(memoryControl(), token);
    port = Number(new URL(server.url).port);
  });
  after(() => server.close());

  for (const seed of seeds) {
    it(`seed ${seed}: no 5xx, coded errors that echo nothing, the token still works`, async () => {
      console.log(`control API fuzz seed ${seed} (replay: CONTROL_FUZZ_SEED=${seed})`);
      const codes = documentedCodes();
      const findings: string[] = [];
      const statuses = new Map<number, number>();
      const target = {
        port,
        paths: PATHS,
        bodies: BODIES,
        goodHeaders: () => ({ host: `127.0.0.1:${port}`, authorization: `Bearer ${token}` }),
        hostVariants: [
          `localhost:${port}`,
          `evil.example:${port}`,
          '127.0.0.1',
          `127.0.0.2:${port}`,
        ],
      };
      await Promise.all(
        Array.from({ length: WORKERS }, async (_, worker) => {
          const r = rng(seed * WORKERS + worker);
          for (let i = worker; i < REQUESTS; i += WORKERS) {
            const request = fuzzRequest(r, target);
            const answer = await sendRaw(port, request.head, request.body);
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
            for (const problem of answerProblems(answer, codes, request.method)) {
              findings.push(`${request.label}: ${problem}`);
            }
          }
        }),
      );
      console.log('statuses', Object.fromEntries(statuses));
      assert.deepEqual(findings.slice(0, 20), []);
      assert.ok((statuses.get(400) ?? 0) > 0, 'fuzzed requests were refused');

      const ok = await fetch(`${server.url}/api/status`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(ok.status, 200);
      assert.equal(((await ok.json()) as { paused: boolean }).paused !== undefined, true);
    });
  }
});
