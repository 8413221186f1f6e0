// `tandem server`: the pairing server on its own (the agent embeds it otherwise). Prints its URL on
// stdout, logs JSON lines to stderr, and stops cleanly on SIGINT or SIGTERM.
import type { Command } from 'commander';
import { DEFAULT_ADDRESS_LIMITS } from '../../../server/address-limits.js';
import { DEFAULT_SERVER_HOST, DEFAULT_SERVER_PORT } from '../../../server/server-defaults.js';
import { CliError } from '../cli-error.js';
import { MEMORY_BUDGET_ENV, MIN_BUDGET_BYTES } from '../../../server/relay/memory-budget.js';
import { dataDirFrom, dataOptionHelp, parseNumber, untilSignal } from '../cli-options.js';

interface ServerCommandOptions {
  host: string;
  port: string;
  data?: string;
  bindingTtlDays: string;
  allowedHost: string[];
  accountsPerHour: string;
  sessionsPerHour: string;
  requestsPerMinute: string;
  relayMemoryBudget?: string;
  redis?: string;
  nodeId?: string;
}

const positiveInteger = (n: number) => Number.isInteger(n) && n > 0;
const collect = (value: string, previous: string[]) => [...previous, value];

export function register(program: Command): void {
  program
    .command('server')
    .description('Run the pairing server standalone')
    .option('--host <host>', 'address to listen on', DEFAULT_SERVER_HOST)
    .option('--port <n>', 'port to listen on (0: any free port)', String(DEFAULT_SERVER_PORT))
    .option('--data <dir>', dataOptionHelp)
    .option('--binding-ttl-days <n>', 'free a binding not seen for this many days', '90')
    .option(
      '--allowed-host <name>',
      'a Host name clients use besides the server own addresses (name: any port, name:port); repeatable',
      collect,
      [],
    )
    .option(
      '--accounts-per-hour <n>',
      'accounts one client address may register per hour',
      String(DEFAULT_ADDRESS_LIMITS.accountsPerHour),
    )
    .option(
      '--sessions-per-hour <n>',
      'sessions one client address may create per hour',
      String(DEFAULT_ADDRESS_LIMITS.sessionsPerHour),
    )
    .option(
      '--requests-per-minute <n>',
      'requests per minute from one client address, all its accounts together',
      String(DEFAULT_ADDRESS_LIMITS.requestsPerMinute),
    )
    .option(
      '--relay-memory-budget <MiB>',
      `bytes all relay sessions may hold (default: $${MEMORY_BUDGET_ENV}, else 1/8 of memory)`,
    )
    .option(
      '--redis <url>',
      'serve sessions across several relay nodes through this Redis (redis://host:port; env TANDEM_REDIS_URL)',
    )
    .option(
      '--node-id <id>',
      'this relay node id with --redis (env TANDEM_NODE_ID; default random)',
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
      const addressLimits = {
        accountsPerHour: parseNumber(
          '--accounts-per-hour',
          options.accountsPerHour,
          positiveInteger,
        ),
        sessionsPerHour: parseNumber(
          '--sessions-per-hour',
          options.sessionsPerHour,
          positiveInteger,
        ),
        requestsPerMinute: parseNumber(
          '--requests-per-minute',
          options.requestsPerMinute,
          positiveInteger,
        ),
      };
      for (const name of options.allowedHost) {
        if (!/^([a-z0-9.-]+|\[[0-9a-f:.]+\])(:[0-9]{1,5})?$/i.test(name)) {
          throw new CliError('INVALID_ARGUMENT', '--allowed-host takes name or name:port', 2);
        }
      }
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
      const redisUrl = options.redis ?? process.env.TANDEM_REDIS_URL;
      const nodeId = options.nodeId ?? process.env.TANDEM_NODE_ID;
      if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
        throw new CliError('INVALID_ARGUMENT', '--redis takes a redis:// or rediss:// URL', 2);
      }
      if (nodeId !== undefined && !/^[A-Za-z0-9_.-]{1,64}$/.test(nodeId)) {
        throw new CliError('INVALID_ARGUMENT', '--node-id takes 1 to 64 letters, digits, . _ -', 2);
      }
      // Loaded on demand, as in every command: `tandem --help` loads no server, adb or database.
      const { startServer } = await import('../../../server/listen.js');
      const server = await startServer({
        host: options.host,
        port,
        dataDir,
        bindingTtlDays,
        allowedHosts: options.allowedHost,
        addressLimits,
        ...(budgetMiB === undefined
          ? {}
          : { relay: { memoryBudgetBytes: Math.floor(budgetMiB * 1024 * 1024) } }),
        log: { stream: process.stderr },
        ...(redisUrl ? { redis: { url: redisUrl, nodeId } } : {}),
      });
      process.stdout.write(`${server.url}\n`);
      await untilSignal();
      await server.close();
    });
}
