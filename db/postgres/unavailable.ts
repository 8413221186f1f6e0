// Which PostgreSQL failures mean "the store is not there" (down, unreachable, restarting, full of
// connections) rather than a bad query: those become DbError STORE_UNAVAILABLE, which the server
// answers with 503 and a Retry-After. Everything else passes through unchanged.
import pg from 'pg';
import { DbError } from '../db-error.js';

/** SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57P operator intervention. */
const UNAVAILABLE_STATES = /^(08|53|57P)/;
/** Node's socket errors (ECONNREFUSED, ECONNRESET, ETIMEDOUT, ENOENT for a missing socket …). */
const SOCKET_ERRNO = /^E[A-Z]+$/;
/** What pg says, without a code, when a connection ends or the pool cannot get one in time. */
const DRIVER_MESSAGES =
  /connection terminated|timeout exceeded when trying to connect|not queryable|connection ended/i;

export function isStoreUnavailable(error: unknown): boolean {
  if (error instanceof DbError) return error.code === 'STORE_UNAVAILABLE';
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof pg.DatabaseError) return UNAVAILABLE_STATES.test(String(code));
  if (typeof code === 'string' && SOCKET_ERRNO.test(code)) return true;
  return error instanceof Error && DRIVER_MESSAGES.test(error.message);
}

/** Runs one store call; a failure that means PostgreSQL is not there becomes STORE_UNAVAILABLE. */
export async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isStoreUnavailable(error) || error instanceof DbError) throw error;
    throw new DbError('STORE_UNAVAILABLE', 'the PostgreSQL store does not answer', {
      cause: error,
    });
  }
}
