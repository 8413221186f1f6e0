// Which PostgreSQL failures count as "the store is not there" (STORE_UNAVAILABLE) and which pass
// through as they are (a bad query is a bug, not an outage).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { DbError } from '../db-error.js';
import { guarded, isStoreUnavailable } from './unavailable.js';

const sqlState = (code: string) => Object.assign(new pg.DatabaseError('x', 1, 'error'), { code });
const errno = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

test('down, unreachable, restarting or full is unavailable', () => {
  for (const error of [
    errno('ECONNREFUSED'),
    errno('ECONNRESET'),
    errno('ETIMEDOUT'),
    errno('ENOENT'),
    sqlState('08006'),
    sqlState('57P01'),
    sqlState('57P03'),
    sqlState('53300'),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
  ]) {
    assert.equal(isStoreUnavailable(error), true, String(error.message ?? error));
  }
});

test('a query the database refuses is not an outage', () => {
  for (const error of [sqlState('23503'), sqlState('42P01'), new TypeError('bug')]) {
    assert.equal(isStoreUnavailable(error), false, String((error as Error).message));
  }
});

test('guarded turns an outage into DbError STORE_UNAVAILABLE and keeps the cause', async () => {
  const cause = errno('ECONNREFUSED');
  await assert.rejects(
    guarded(() => Promise.reject(cause)),
    (e) => e instanceof DbError && e.code === 'STORE_UNAVAILABLE' && e.cause === cause,
  );
  const bug = sqlState('23503');
  await assert.rejects(
    guarded(() => Promise.reject(bug)),
    (e) => e === bug,
  );
  assert.equal(await guarded(async () => 7), 7);
});
