// `tandem server`: the pairing server on its own (the agent embeds it otherwise). Prints its URL on
// stdout, logs JSON lines to stderr, and drains on SIGINT or SIGTERM (docs/operations.md): readiness
// off, terminals told to reconnect, requests in flight finished within --drain-timeout, exit 0.
// Every flag has an environment variable (a container sets those); a flag given wins.
import { Option, type Command } from 'commander';
import type { LevelWithSilent } from 'pino';
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
  database?: string;
  databasePoolSize?: string;
  metrics?: boolean;
  drainTimeout: string;
  logLevel: LevelWithSilent;
  redis?: string;
  nodeId?: string;
}

/** The PostgreSQL URL when --database is not given. */
export const DATABASE_URL_ENV = 'TANDEM_DATABASE_URL';
/** The pool size when --database-pool-size is not given. */
export const DATABASE_POOL_SIZE_ENV = 'TANDEM_DATABASE_POOL_SIZE';

const positiveInteger = (n: number) => Number.isInteger(n) && n > 0;
/** Repeatable; the environment variable takes a comma-separated list. */
const collect = (value: string, previous: string[]) => [
  ...previous,
  ...value.split(',').filter((name) => name !== ''),
];
const setting = (flags: string, help: string, env: string) => new Option(flags, help).env(env);

export function register(program: Command): void {
  program
    .command('server')
    .description('Run the pairing server standalone')
    .addOption(
      setting('--host <host>', 'address to listen on', 'TANDEM_SERVER_HOST').default(
        DEFAULT_SERVER_HOST,
      ),
    )
    .addOption(
      setting('--port <n>', 'port to listen on (0: any free port)', 'TANDEM_SERVER_PORT').default(
        String(DEFAULT_SERVER_PORT),
      ),
    )
    .addOption(setting('--data <dir>', dataOptionHelp, 'TANDEM_DATA_DIR'))
    .addOption(
      setting(
        '--binding-ttl-days <n>',
        'free a binding not seen for this many days',
        'TANDEM_BINDING_TTL_DAYS',
      ).default('90'),
    )
    .addOption(
      setting(
        '--allowed-host <name>',
        'a Host name clients use besides the server own addresses (name: any port, name:port); repeatable',
        'TANDEM_ALLOWED_HOSTS',
      )
        .argParser(collect)
        .default([]),
    )
    .addOption(
      setting(
        '--accounts-per-hour <n>',
        'accounts one client address may register per hour',
        'TANDEM_ACCOUNTS_PER_HOUR',
      ).default(String(DEFAULT_ADDRESS_LIMITS.accountsPerHour)),
    )
    .addOption(
      setting(
        '--database <url>',
        'keep clients, bindings and sessions in PostgreSQL (postgres://…; default: server.sqlite in the data folder)',
        DATABASE_URL_ENV,
      ),
    )
    .addOption(
      setting(
        '--database-pool-size <n>',
        'PostgreSQL connections this node keeps at most (default: 10)',
        DATABASE_POOL_SIZE_ENV,
      ),
    )
    .addOption(
      setting(
        '--sessions-per-hour <n>',
        'sessions one client address may create per hour',
        'TANDEM_SESSIONS_PER_HOUR',
      ).default(String(DEFAULT_ADDRESS_LIMITS.sessionsPerHour)),
    )
    .addOption(
      setting(
        '--requests-per-minute <n>',
        'requests per minute from one client address, all its accounts together',
        'TANDEM_REQUESTS_PER_MINUTE',
      ).default(String(DEFAULT_ADDRESS_LIMITS.requestsPerMinute)),
    )
    .addOption(
      setting(
        '--relay-memory-budget <MiB>',
        'bytes all relay sessions may hold (default: 1/8 of memory)',
        MEMORY_BUDGET_ENV,
      ),
    )
    .addOption(
      setting(
        '--metrics',
        'serve Prometheus metrics at GET /metrics, unauthenticated (env: 1 or true)',
        'TANDEM_METRICS',
      ),
    )
    .addOption(
      setting(
        '--drain-timeout <seconds>',
        'on SIGTERM, wait this long for requests in flight before closing',
        'TANDEM_DRAIN_TIMEOUT',
      ).default('10'),
    )
    .addOption(
      setting('--log-level <level>', 'JSON log lines on stderr from this level', 'TANDEM_LOG_LEVEL')
        .choices(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'])
        .default('info'),
    )
    .addOption(
      setting(
        '--redis <url>',
        'serve sessions across several relay nodes through this Redis (redis://host:port)',
        'TANDEM_REDIS_URL',
      ),
    )
    .addOption(
      setting(
        '--node-id <id>',
        'this relay node id with --redis (default: random)',
        'TANDEM_NODE_ID',
      ),
    )
    .action(async (options: ServerCommandOptions, command: Command) => {
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
      // Checked like the other numbers; absent, the relay takes its share of memory.
      const budgetMiB =
        options.relayMemoryBudget === undefined
          ? undefined
          : parseNumber(
              '--relay-memory-budget',
              options.relayMemoryBudget,
              (n) => n * 1024 * 1024 >= MIN_BUDGET_BYTES,
            );
      const database = databaseOptions(options);
      const drainTimeoutMs =
        parseNumber('--drain-timeout', options.drainTimeout, (n) => n >= 0 && n <= 3600) * 1000;
      // A boolean flag from the environment is on for any value; only 1/true/yes/on mean on here.
      const metrics =
        command.getOptionValueSource('metrics') === 'env'
          ? /^(1|true|yes|on)$/i.test(process.env.TANDEM_METRICS ?? '')
          : options.metrics === true;
      const dataDir = dataDirFrom(options);
      const redisUrl = options.redis || undefined;
      const nodeId = options.nodeId || undefined;
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
        ...database,
        metrics,
        ...(budgetMiB === undefined
          ? {}
          : { relay: { memoryBudgetBytes: Math.floor(budgetMiB * 1024 * 1024) } }),
        log: { stream: process.stderr, level: options.logLevel },
        ...(redisUrl ? { redis: { url: redisUrl, nodeId } } : {}),
      });
      // Listening for the signals before the URL is out: whoever read the URL may stop us at once,
      // and a SIGTERM before the handler exists kills the process without a drain.
      const signalled = untilSignal();
      process.stdout.write(`${server.url}\n`);
      await signalled;
      await server.drain(drainTimeoutMs);
    });
}

/** --database and --database-pool-size, or their environment variables; checked here. */
function databaseOptions(options: ServerCommandOptions): {
  databaseUrl?: string;
  databasePoolSize?: number;
} {
  const url = options.database || undefined;
  if (url === undefined) return {};
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new CliError('INVALID_ARGUMENT', '--database takes a postgres:// URL', 2);
  }
  const size = options.databasePoolSize || undefined;
  if (size === undefined) return { databaseUrl: url };
  const databasePoolSize = parseNumber(
    '--database-pool-size',
    size,
    (n) => positiveInteger(n) && n <= 1000,
  );
  return { databaseUrl: url, databasePoolSize };
}
