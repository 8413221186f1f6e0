// Option parsing and process helpers shared by the subcommands.
import { InvalidArgumentError } from 'commander';
import { ensureDataDir, resolveDataDir } from '../../db/data-dir.js';
import { CliError } from './cli-error.js';

/** Parses a number flag, or fails with INVALID_ARGUMENT (exit code 2). */
export function parseNumber(flag: string, text: string, valid: (n: number) => boolean): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !valid(value)) {
    throw new CliError('INVALID_ARGUMENT', `${flag} ${JSON.stringify(text)} is not acceptable`, 2);
  }
  return value;
}

/** A commander argument parser for a TCP port (`allowZero`: 0 means any free port). */
export function portParser(allowZero = false): (value: string) => number {
  return (value) => {
    const port = Number(value);
    if (!/^\d+$/.test(value) || port < (allowZero ? 0 : 1) || port > 65535) {
      throw new InvalidArgumentError(`expected a port number from ${allowZero ? 0 : 1} to 65535.`);
    }
    return port;
  };
}

/** adb's own variable for a non-default server port, else 5037. */
export function defaultAdbPort(): number {
  const fromEnv = process.env.ANDROID_ADB_SERVER_PORT;
  return fromEnv && /^\d+$/.test(fromEnv) ? Number(fromEnv) : 5037;
}

/** The data folder: `--data DIR`, else $TANDEM_DATA_DIR, else the per-OS default; created 0700. */
export function dataDirFrom(options: { data?: string }): string {
  return ensureDataDir(resolveDataDir({ explicit: options.data }));
}

export const dataOptionHelp = 'data folder (default: per-OS, or $TANDEM_DATA_DIR)';

/** Resolves on the first SIGINT or SIGTERM. */
export function untilSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
