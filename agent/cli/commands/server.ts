// `tandem server`: the pairing server on its own (the agent embeds it otherwise). Prints its URL on
// stdout, logs JSON lines to stderr, and stops cleanly on SIGINT or SIGTERM.
import type { Command } from 'commander';
import { DEFAULT_SERVER_HOST, DEFAULT_SERVER_PORT, startServer } from '../../../server/listen.js';
import { MEMORY_BUDGET_ENV, MIN_BUDGET_BYTES } from '../../../server/relay/memory-budget.js';
import { dataDirFrom, dataOptionHelp, parseNumber, untilSignal } from '../cli-options.js';

interface ServerCommandOptions {
  host: string;
  port: string;
  data?: string;
  bindingTtlDays: string;
  relayMemoryBudget?: string;
}

export function register(program: Command): void {
  program
    .command('server')
    .description('Run the pairing server standalone')
    .option('--host <host>', 'address to listen on', DEFAULT_SERVER_HOST)
    .option('--port <n>', 'port to listen on (0: any free port)', String(DEFAULT_SERVER_PORT))
    .option('--data <dir>', dataOptionHelp)
    .option('--binding-ttl-days <n>', 'free a binding not seen for this many days', '90')
    .option(
      '--relay-memory-budget <MiB>',
      `bytes all relay sessions may hold (default: $${MEMORY_BUDGET_ENV}, else 1/8 of memory)`,
    )
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
      // Checked like the other numbers; absent, the relay reads the env variable or takes its share.
      const budgetMiB =
        options.relayMemoryBudget === undefined
          ? undefined
          : parseNumber(
              '--relay-memory-budget',
              options.relayMemoryBudget,
              (n) => n * 1024 * 1024 >= MIN_BUDGET_BYTES,
            );
      const dataDir = dataDirFrom(options);
      const server = await startServer({
        host: options.host,
        port,
        dataDir,
        bindingTtlDays,
        ...(budgetMiB === undefined
          ? {}
          : { relay: { memoryBudgetBytes: Math.floor(budgetMiB * 1024 * 1024) } }),
        log: { stream: process.stderr },
      });
      process.stdout.write(`${server.url}\n`);
      await untilSignal();
      await server.close();
    });
}
