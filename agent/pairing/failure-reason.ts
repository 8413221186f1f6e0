// Which pairing reason an error of a step stands for: each coded error its own truthful reason
// (a damaged local database is not a pairing-server error), and which failures a retry can fix.
import { databaseCodeOf } from '../../db/database-failure.js';
import { isPairingClientError } from './pairing-client-error.js';
import { errorCode } from './pairing-ports.js';
import type { PairingReason } from './states.js';

export function reasonFor(error: unknown): PairingReason {
  const code = errorCode(error);
  switch (code) {
    case 'IDENTITY_TIMEOUT':
    case 'ADB_TIMEOUT':
      return 'IDENTITY_TIMEOUT';
    case 'IDENTITY_UNAVAILABLE':
      return 'IDENTITY_UNAVAILABLE';
    case 'DEVICE_UNAUTHORIZED':
      return 'DEVICE_UNAUTHORIZED';
    case 'DEVICE_GONE':
      return 'DEVICE_OFFLINE';
    case 'SERVER_UNREACHABLE':
    case 'SERVER_TIMEOUT':
    case 'STORE_UNAVAILABLE': // its store (PostgreSQL) did not answer: the same wait and retries
      return 'SERVER_UNREACHABLE';
    case 'PHONE_ACTION_FAILED':
      return 'SESSION_FAILED';
    case 'ADB_OUTPUT_MALFORMED':
    case 'ADB_OUTPUT_TOO_LARGE':
    case 'ADB_COMMAND_FAILED':
      return 'PHONE_ANSWER_INVALID';
    case 'ADB_NOT_FOUND':
    case 'ADB_SERVER_UNREACHABLE':
      return 'ADB_UNAVAILABLE';
    case undefined:
      return 'INTERNAL';
  }
  const database = databaseCodeOf(code);
  if (database) return database;
  // The server answered with a code of its own (or an answer that is not the protocol's).
  if (isPairingClientError(error)) return 'SERVER_ERROR';
  return 'INTERNAL';
}

/** Failures a retry every few seconds cannot fix: the person has to act (replug, repair). */
export function retryCannotFix(reason: PairingReason | undefined): boolean {
  return (
    reason === 'IDENTITY_UNAVAILABLE' ||
    reason === 'DATABASE_CORRUPT' ||
    reason === 'DATABASE_READ_ONLY'
  );
}
