// `tandem server`: the pairing server on its own (the agent embeds it otherwise). Prints its URL on
// stdout, logs JSON lines to stderr, and stops cleanly on SIGINT or SIGTERM.
import type { Command } from 'commander';
import { ensureDataDir, resolveDataDir } from '../../../db/data-dir.js';
import { DEFAULT_SERVER_HOST, DEFAULT_SERVER_PORT, startServer } from '../../../server/listen.js';
import { CliError } from '../cli-error.js';

interface ServerCommandOptions {
  host: string;
  port: string;
  data?: string;
  bindingTtlDays: string;
}

export function register(program: Command): void {
  program
    .command('server')
    .description('Run the pairing server standalone')
    .option('--host <host>', 'address to listen on', DEFAULT_SERVER_HOST)
    .option('--port <n>', 'port to listen on (0: any free port)', String(DEFAULT_SERVER_PORT))
    .option('--data <dir>', 'data folder (default: per-OS, or $TANDEM_DATA_DIR)')
    .option('--binding-ttl-days <n>', 'free a binding not seen for this many days', '90')
    .action(async (options: ServerCommandOptions) => {
      const port = parseNumber(
        '--port',
        options.port,
        (n) => Number.isInteger(n) && n >= 0 && n < 65536,
      );
      const bindingTtlDays = parseNumber(
        '--binding-ttl-days',
        options.bindingTtlDays,
        (n) => n > 0,
      );
      const dataDir = ensureDataDir(resolveDataDir({ explicit: options.data }));
      const server = await startServer({
        host: options.host,
        port,
        dataDir,
        bindingTtlDays,
        log: { stream: process.stderr },
      });
      process.stdout.write(`${server.url}\n`);
      await untilSignal();
      await server.close();
    });
}

function parseNumber(flag: string, text: string, valid: (n: number) => boolean): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || !valid(value)) {
    throw new CliError('INVALID_ARGUMENT', `${flag} ${JSON.stringify(text)} is not acceptable`, 2);
  }
  return value;
}

function untilSignal(): Promise<NodeJS.Signals> {
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
