// Turns what SQLite and the file system say about a broken store into the two codes a person can
// act on: DATABASE_CORRUPT (run `tandem doctor --repair`) and DATABASE_READ_ONLY (the folder refuses
// writes). Everything else passes through unchanged.
import { DbError, DbErrorCode } from './db-error.js';

/** The way out, said in every DATABASE_CORRUPT message. */
export const REPAIR_HINT =
  'run `tandem doctor` to check it and `tandem doctor --repair` to back it up and start a fresh one';

const corruptCodes = /^SQLITE_(CORRUPT|NOTADB|IOERR|FORMAT)/;
const readOnlyCodes = /^SQLITE_(READONLY|PERM|AUTH)/;
const readOnlyErrnos = new Set(['EROFS', 'EACCES', 'EPERM']);

export type DatabaseFailureCode = 'DATABASE_CORRUPT' | 'DATABASE_READ_ONLY';

/** DATABASE_CORRUPT, DATABASE_READ_ONLY or undefined for an error code (SQLite's or errno). */
export function databaseCodeOf(code: string | undefined): DatabaseFailureCode | undefined {
  if (code === undefined) return undefined;
  if (code === DbErrorCode.DatabaseCorrupt || code === DbErrorCode.DatabaseReadOnly) return code;
  if (readOnlyCodes.test(code) || readOnlyErrnos.has(code)) return DbErrorCode.DatabaseReadOnly;
  if (corruptCodes.test(code)) return DbErrorCode.DatabaseCorrupt;
  return undefined;
}

/** The error as a coded DbError when it is a database failure (also when wrapped as a cause). */
export function asDatabaseFailure(error: unknown, file: string): unknown {
  for (let cause: unknown = error, depth = 0; cause && depth < 4; depth++) {
    const code = databaseCodeOf(codeOf(cause));
    if (code === DbErrorCode.DatabaseCorrupt && cause instanceof DbError) return cause;
    if (code === DbErrorCode.DatabaseReadOnly && cause instanceof DbError) return cause;
    if (code === DbErrorCode.DatabaseCorrupt) return corruptDatabase(file, 'is damaged', error);
    if (code === DbErrorCode.DatabaseReadOnly) return readOnlyDatabase(file, error);
    cause = (cause as { cause?: unknown }).cause;
  }
  return error;
}

/** `what` says what is wrong, e.g. "is damaged" or "is empty but this folder held a store". */
export function corruptDatabase(file: string, what: string, cause?: unknown): DbError {
  return new DbError(DbErrorCode.DatabaseCorrupt, `the database ${file} ${what}; ${REPAIR_HINT}`, {
    cause,
  });
}

export function readOnlyDatabase(file: string, cause?: unknown): DbError {
  return new DbError(
    DbErrorCode.DatabaseReadOnly,
    `the data folder refuses writes to ${file}; make it writable or choose another with --data (nothing was changed)`,
    { cause },
  );
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
