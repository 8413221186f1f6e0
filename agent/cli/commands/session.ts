// `tandem session new`: creates a relay session on a server (registering this computer's shadow
// account there first if it has none) and prints the phone page URL with a fresh sealing key.
import type { Command } from 'commander';
import { normalizeServerUrl } from '../../pairing/server-url.js';
import { CliError } from '../cli-error.js';
import { dataDirFrom, dataOptionHelp } from '../cli-options.js';

interface SessionNewOptions {
  server: string;
  json?: boolean;
  data?: string;
  rule: string;
  e2e: boolean;
}

export function register(program: Command): void {
  const session = program.command('session').description('Relay sessions');
  session
    .command('new')
    .description('Create a session and print its page URL')
    .requiredOption('--server <url>', 'the pairing and relay server, e.g. http://127.0.0.1:8780')
    .option('--json', 'print { "url", "pcUrl", "pageId", "expiresAt" } as JSON')
    .option('--data <dir>', dataOptionHelp)
    .option(
      '--rule <a|b>',
      'a: page id + shared secret; b: per-role tokens sealed with the session key',
      'a',
    )
    .option('--no-e2e', 'no end-to-end key in the URL (payloads travel readable by the server)')
    .action(async (options: SessionNewOptions) => {
      if (options.rule !== 'a' && options.rule !== 'b') {
        throw new CliError('INVALID_ARGUMENT', '--rule must be a or b', 2);
      }
      const server = normalizeServerUrl(options.server);
      // Loaded on demand: `tandem --help` loads no database, crypto or schemas.
      const { HistoryStore } = await import('../../../db/agent/history-store.js');
      const { buildSessionUrl } = await import('../../../protocol/session-url.js');
      const { generateSealKey } = await import('../../../relay-client/sealing.js');
      const { ensureAccount } = await import('../../pairing/ensure-account.js');
      const history = HistoryStore.open({ dataDir: dataDirFrom(options) });
      try {
        const { client } = await ensureAccount(history, server, { verify: true });
        const created = await client.createSession();
        const sealKey = options.e2e ? generateSealKey() : undefined;
        const urlFor = (role: 'pc' | 'phone') => {
          const token = created.tokens?.[role];
          if (options.rule === 'b' && token === undefined) {
            throw new CliError(
              'INVALID_ARGUMENT',
              'this server does not issue role tokens (rule b)',
            );
          }
          return buildSessionUrl({
            server,
            pageId: created.pageId,
            ...(options.rule === 'a' ? { secret: created.secret } : { token }),
            sealKey,
          });
        };
        const url = urlFor('phone');
        if (options.json) {
          const out = {
            url,
            pcUrl: urlFor('pc'),
            pageId: created.pageId,
            expiresAt: created.expiresAt,
          };
          process.stdout.write(`${JSON.stringify(out)}\n`);
        } else {
          process.stdout.write(`${url}\n`);
        }
      } finally {
        history.close();
      }
    });
}
