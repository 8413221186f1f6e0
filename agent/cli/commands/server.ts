// `tandem server`: the pairing server on its own (the agent embeds it otherwise). Prints its URL on
// stdout, logs JSON lines to stderr, and stops cleanly on SIGINT or SIGTERM.
import type { Command } from 'commander';
import { DEFAULT_SERVER_HOST, DEFAULT_SERVER_PORT } from '../../../server/server-defaults.js';
import { dataDirFrom, dataOptionHelp, parseNumber, untilSignal } from '../cli-options.js';

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
    .option('--data <dir>', dataOptionHelp)
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
      const dataDir = dataDirFrom(options);
      // Loaded on demand, as in every command: `tandem --help` loads no server, adb or database.
      const { startServer } = await import('../../../server/listen.js');
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
