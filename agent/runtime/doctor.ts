// `tandem doctor`: the health of a data folder (is it writable, is the hash key valid, does the
// agent database pass SQLite's integrity check, does it still hold its server account), read
// without changing anything. The repair lives in ./doctor-repair.ts.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { HISTORY_DB_FILE, HISTORY_KEY_FILE } from '../../db/agent/history-store.js';
import { asDatabaseFailure, corruptDatabase, readOnlyDatabase } from '../../db/database-failure.js';
import { errorCode } from '../pairing/pairing-ports.js';
import type { DoctorFinding } from '../../protocol/i18n/cli-command-words.js';

const NONE_YET = { kind: 'none-yet' } as const;

export type CheckName = 'data folder' | 'key' | 'database' | 'account';

export interface DoctorCheck {
  name: CheckName;
  ok: boolean;
  /** The stable code of the problem, when there is one. */
  code?: string;
  detail: string;
  /** What was found, for the words of the person's language (`detail` is English, for scripts). */
  finding: DoctorFinding;
}

export interface DoctorReport {
  dataDir: string;
  healthy: boolean;
  checks: DoctorCheck[];
}

export function inspectDataDir(dataDir: string): DoctorReport {
  const checks: DoctorCheck[] = [folderCheck(dataDir)];
  const key = keyCheck(dataDir);
  checks.push(key.check);
  const database = databaseCheck(dataDir, key.exists);
  checks.push(database.check, database.account);
  return { dataDir, healthy: checks.every((c) => c.ok), checks };
}

function folderCheck(dataDir: string): DoctorCheck {
  const stat = statSync(dataDir, { throwIfNoEntry: false });
  if (!stat) {
    return {
      name: 'data folder',
      ok: true,
      detail: 'none yet (the agent creates it)',
      finding: NONE_YET,
    };
  }
  if (!stat.isDirectory()) {
    return {
      name: 'data folder',
      ok: false,
      code: 'DATA_DIR_UNAVAILABLE',
      detail: 'not a folder',
      finding: { kind: 'problem', code: 'DATA_DIR_UNAVAILABLE' },
    };
  }
  const probe = join(dataDir, `.doctor-${process.pid}.tmp`);
  try {
    writeFileSync(probe, '', { mode: 0o600 });
    rmSync(probe, { force: true });
    return { name: 'data folder', ok: true, detail: 'writable', finding: { kind: 'writable' } };
  } catch (error) {
    return failed('data folder', asDatabaseFailure(error, HISTORY_DB_FILE));
  }
}

function keyCheck(dataDir: string): { exists: boolean; check: DoctorCheck } {
  let text: string;
  try {
    text = readFileSync(join(dataDir, HISTORY_KEY_FILE), 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      return {
        exists: false,
        check: { name: 'key', ok: true, detail: 'none yet', finding: NONE_YET },
      };
    }
    return { exists: true, check: failed('key', error) };
  }
  // The message names the file, never its content.
  if (!/^[0-9a-f]{64}$/.test(text.trim())) {
    const check: DoctorCheck = {
      name: 'key',
      ok: false,
      code: 'SECRET_FILE_INVALID',
      detail: `${HISTORY_KEY_FILE} does not hold a valid key`,
      finding: { kind: 'problem', code: 'SECRET_FILE_INVALID' },
    };
    return { exists: true, check };
  }
  const valid = { kind: 'key-valid' } as const;
  return {
    exists: true,
    check: { name: 'key', ok: true, detail: `${HISTORY_KEY_FILE} valid`, finding: valid },
  };
}

function databaseCheck(
  dataDir: string,
  keyExists: boolean,
): { check: DoctorCheck; account: DoctorCheck } {
  const path = join(dataDir, HISTORY_DB_FILE);
  const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  const unknown: DoctorCheck = {
    name: 'account',
    ok: true,
    detail: 'unknown (no database)',
    finding: { kind: 'account-unknown' },
  };
  if (size === 0 && !keyExists) {
    const check = {
      name: 'database',
      ok: true,
      detail: 'none yet (the agent creates it)',
      finding: NONE_YET,
    } as const;
    return {
      check,
      account: { name: 'account', ok: true, detail: 'none yet', finding: NONE_YET },
    };
  }
  if (size === 0) {
    const problem = corruptDatabase(
      HISTORY_DB_FILE,
      `is empty or missing but ${HISTORY_KEY_FILE} exists`,
    );
    return { check: failed('database', problem), account: unknown };
  }
  let db: Database.Database | undefined;
  const sidecars = ['-wal', '-shm'].filter((suffix) => !existsSync(`${path}${suffix}`));
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw corruptDatabase(HISTORY_DB_FILE, 'fails its integrity check');
    const version = db.pragma('user_version', { simple: true }) as number;
    const check: DoctorCheck = {
      name: 'database',
      ok: true,
      detail: `${HISTORY_DB_FILE} passes its integrity check (schema ${version})`,
      finding: { kind: 'database-ok', schema: version },
    };
    return { check, account: accountCheck(db) };
  } catch (error) {
    return {
      check: failed('database', asDatabaseFailure(error, HISTORY_DB_FILE)),
      account: unknown,
    };
  } finally {
    db?.close();
    removeEmptyWal(path, sidecars);
  }
}

/** A read-only WAL connection leaves an empty -wal and a -shm behind: the doctor changes nothing. */
function removeEmptyWal(path: string, created: string[]): void {
  if (!created.includes('-wal') || statSync(`${path}-wal`, { throwIfNoEntry: false })?.size) return;
  for (const suffix of created) rmSync(`${path}${suffix}`, { force: true });
}

function accountCheck(db: Database.Database): DoctorCheck {
  const count = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const accounts = count('server_accounts');
  const phones = count('paired_phones');
  if (accounts === 0 && phones > 0) {
    const problem = corruptDatabase(
      HISTORY_DB_FILE,
      'lists paired phones but its server account is gone',
    );
    return failed('account', problem);
  }
  const what =
    accounts === 0 ? 'none yet (registered on first pairing)' : `${accounts} server account(s)`;
  return {
    name: 'account',
    ok: true,
    detail: `${what}, ${phones} paired phone(s)`,
    finding: { kind: 'account', accounts, phones },
  };
}

function failed(name: CheckName, error: unknown): DoctorCheck {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const finding = { kind: 'problem', code: code ?? 'UNKNOWN' } as const;
  return { name, ok: false, ...(code ? { code } : {}), detail: message, finding };
}

/** For the read-only data folder: the coded error repair refuses with. */
export function readOnlyProblem(): Error {
  return readOnlyDatabase(HISTORY_DB_FILE);
}
