// Where Tandem keeps its files: an explicit folder (`--data DIR`), else $TANDEM_DATA_DIR, else the
// platform's per-user data folder. Everything is injectable so unit tests can play any OS.
import { chmodSync, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, resolve, win32 } from 'node:path';
import { DbError, DbErrorCode } from './db-error.js';

export interface DataDirContext {
  /** The CLI's `--data DIR`; wins over everything else. */
  explicit?: string | undefined;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
  /** Base for a relative explicit folder or TANDEM_DATA_DIR. */
  cwd?: string;
}

export function resolveDataDir(context: DataDirContext = {}): string {
  const env = context.env ?? process.env;
  const platform = context.platform ?? process.platform;
  const home = context.home ?? homedir();
  const cwd = context.cwd ?? process.cwd();
  const chosen = nonEmpty(context.explicit) ?? nonEmpty(env.TANDEM_DATA_DIR);
  if (chosen !== undefined) {
    return platform === 'win32' ? win32.resolve(cwd, chosen) : posix.resolve(cwd, chosen);
  }
  switch (platform) {
    case 'win32':
      return win32.join(nonEmpty(env.APPDATA) ?? win32.join(home, 'AppData', 'Roaming'), 'Tandem');
    case 'darwin':
      return posix.join(home, 'Library', 'Application Support', 'Tandem');
    default: {
      // The XDG spec says a relative $XDG_DATA_HOME is invalid and must be ignored.
      const xdg = nonEmpty(env.XDG_DATA_HOME);
      const base = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.local', 'share');
      return posix.join(base, 'tandem');
    }
  }
}

/** Creates the folder (mode 0700: it holds keys) if missing; returns its absolute path. */
export function ensureDataDir(dir: string): string {
  const path = resolve(dir);
  let existed = true;
  try {
    existed = statSync(path, { throwIfNoEntry: false }) !== undefined;
    if (!existed) {
      mkdirSync(path, { recursive: true, mode: 0o700 });
      // mkdir's mode is filtered by the umask; the folder must still be private.
      if (process.platform !== 'win32') chmodSync(path, 0o700);
    }
  } catch (error) {
    throw new DbError(DbErrorCode.DataDirUnavailable, `cannot create data folder ${path}`, {
      cause: error,
    });
  }
  if (!statSync(path).isDirectory()) {
    throw new DbError(DbErrorCode.DataDirUnavailable, `data folder ${path} is not a directory`);
  }
  return path;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}
