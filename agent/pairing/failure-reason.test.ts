// A failed step is reported by its own reason: a broken local database is DATABASE_CORRUPT (or
// DATABASE_READ_ONLY), not a pairing-server error, and it is not retried every second.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DbError } from '../../db/db-error.js';
import { reasonFor, retryCannotFix } from './failure-reason.js';
import { PairingOrchestrator } from './orchestrator.js';
import { PairingClientError } from './pairing-client-error.js';
import { fakePorts } from '../../testing/scripted-pairing-ports.js';

const coded = (code: string) => Object.assign(new Error('x'), { code });

test('each coded error maps to its own reason', () => {
  const cases: [unknown, string][] = [
    [coded('SQLITE_CORRUPT'), 'DATABASE_CORRUPT'],
    [coded('SQLITE_NOTADB'), 'DATABASE_CORRUPT'],
    [coded('SQLITE_IOERR_SHORT_READ'), 'DATABASE_CORRUPT'],
    [new DbError('DATABASE_CORRUPT', 'x'), 'DATABASE_CORRUPT'],
    [coded('SQLITE_READONLY'), 'DATABASE_READ_ONLY'],
    [coded('EROFS'), 'DATABASE_READ_ONLY'],
    [new DbError('DATABASE_READ_ONLY', 'x'), 'DATABASE_READ_ONLY'],
    [new PairingClientError('RATE_LIMITED', 'x', 429), 'SERVER_ERROR'],
    [new PairingClientError('BAD_RESPONSE', 'x'), 'SERVER_ERROR'],
    [new PairingClientError('SERVER_UNREACHABLE', 'x'), 'SERVER_UNREACHABLE'],
    [new PairingClientError('STORE_UNAVAILABLE', 'x', 503), 'SERVER_UNREACHABLE'],
    [coded('ADB_SERVER_UNREACHABLE'), 'ADB_UNAVAILABLE'],
    [coded('ADB_OUTPUT_MALFORMED'), 'PHONE_ANSWER_INVALID'],
    [coded('ADB_OUTPUT_TOO_LARGE'), 'PHONE_ANSWER_INVALID'],
    [coded('SOMETHING_NEW'), 'INTERNAL'],
    [new Error('no code'), 'INTERNAL'],
  ];
  for (const [error, reason] of cases) {
    assert.equal(reasonFor(error), reason, `${(error as { code?: string }).code} → ${reason}`);
  }
});

test("SQLite's own errors: a file that is not a database is DATABASE_CORRUPT, a bad query is not", () => {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-reason-'));
  const file = join(dir, 'agent.sqlite');
  writeFileSync(file, Buffer.alloc(8192, 0x41));
  const caught = (work: () => unknown): unknown => {
    try {
      work();
    } catch (error) {
      return error;
    }
    assert.fail('expected a throw');
  };
  const db = new Database(file);
  try {
    const notADatabase = caught(() => db.prepare('SELECT * FROM sqlite_master').all());
    assert.equal((notADatabase as { code?: string }).code, 'SQLITE_NOTADB');
    assert.equal(reasonFor(notADatabase), 'DATABASE_CORRUPT');
  } finally {
    db.close();
  }
  const memory = new Database(':memory:');
  const badQuery = caught(() => memory.prepare('SELECT * FROM nowhere').get());
  memory.close();
  rmSync(dir, { recursive: true, force: true });
  assert.equal(reasonFor(badQuery), 'INTERNAL', 'a plain SQL error is not a damaged file');
});

for (const code of ['SQLITE_CORRUPT', 'SQLITE_READONLY'] as const) {
  test(`a history that throws ${code}: failed with a database reason and no retry scheduled`, async () => {
    const { ports, calls } = fakePorts();
    ports.history.isKnown = () => {
      throw coded(code);
    };
    const o = new PairingOrchestrator(ports, { retryBaseMs: 1, retryCapMs: 1 });
    o.handle({ type: 'attached', serial: 'A', state: 'device' });
    await o.settle();
    const [status] = o.list();
    o.stop();
    assert.equal(status?.state, 'failed');
    assert.equal(
      status?.reason,
      code === 'SQLITE_CORRUPT' ? 'DATABASE_CORRUPT' : 'DATABASE_READ_ONLY',
    );
    assert.equal(status?.retryAt, undefined, 'no retry: retrying cannot mend a database');
    assert.match(status?.hint ?? '', /doctor|writable/);
    assert.ok(!calls.includes('lookup'), 'the server was not asked');
    assert.ok(retryCannotFix(status?.reason));
  });
}
