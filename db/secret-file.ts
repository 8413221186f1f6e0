// A per-installation secret (hash key) in a file only its owner can read. Created once, atomically:
// the bytes go to an O_EXCL temp file that is then hard-linked into place, so two processes starting
// together cannot end up with different keys (the loser reads the winner's file).
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { DbError, DbErrorCode } from './db-error.js';

export interface SecretFile {
  key: Buffer;
  /** True when this call created the file. */
  created: boolean;
  /** The file's previous mode when it was readable by others and has been set back to 0600. */
  repairedMode?: number;
}

const PRIVATE_MODE = 0o600;
const checksModes = process.platform !== 'win32';

export function loadOrCreateSecret(path: string, bytes = 32): SecretFile {
  const existing = readSecret(path, bytes);
  if (existing) return existing;
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const key = randomBytes(bytes);
  const fd = openSync(temp, 'wx', PRIVATE_MODE);
  try {
    writeSync(fd, `${key.toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  if (checksModes) chmodSync(temp, PRIVATE_MODE);
  try {
    placeWithoutOverwrite(temp, path);
  } catch (error) {
    unlinkSync(temp);
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = readSecret(path, bytes);
    if (winner) return winner;
    throw invalid(path);
  }
  return { key, created: true };
}

function placeWithoutOverwrite(temp: string, path: string): void {
  try {
    linkSync(temp, path);
    unlinkSync(temp);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Some file systems have no hard links; rename is still atomic, only not exclusive.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    if (statSync(path, { throwIfNoEntry: false }))
      throw Object.assign(new Error(), { code: 'EEXIST' });
    renameSync(temp, path);
  }
}

function readSecret(path: string, bytes: number): SecretFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const hex = text.trim();
  if (!new RegExp(`^[0-9a-f]{${bytes * 2}}$`).test(hex)) throw invalid(path);
  const result: SecretFile = { key: Buffer.from(hex, 'hex'), created: false };
  if (checksModes) {
    const mode = statSync(path).mode & 0o777;
    if (mode !== PRIVATE_MODE) {
      chmodSync(path, PRIVATE_MODE);
      result.repairedMode = mode;
    }
  }
  return result;
}

function invalid(path: string): DbError {
  // The message names the file, never its content.
  return new DbError(DbErrorCode.SecretFileInvalid, `${path} does not hold a valid secret`);
}
