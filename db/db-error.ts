// Every error db/ raises carries a stable code from its catalogue (protocol/errors/db.ts, shown in
// docs/errors.md, "Local data").
import { CodedError, codeNames } from '../protocol/coded-error.js';
import { dbErrors, type DbErrorCode as Code } from '../protocol/errors/db.js';

/** The codes by short name: `DbErrorCode.SchemaTooNew` is `'DB_SCHEMA_TOO_NEW'`. */
export const DbErrorCode = codeNames(dbErrors);
export type DbErrorCode = Code;

export class DbError extends CodedError<DbErrorCode> {
  constructor(code: DbErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'DbError';
  }
}
