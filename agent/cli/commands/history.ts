// `tandem history`, `tandem forget`, `tandem release`: the phones this computer has paired.
import type { Command } from 'commander';
import type { HistoryStore } from '../../../db/agent/history-store.js';
import type { HistoryView } from '../../control/control-api.js';
import { callAgent } from '../../control/control-client.js';
import { dataDirFrom, dataOptionHelp } from '../cli-options.js';

export function register(program: Command): void {
  program
    .command('history')
    .description('List the phones this computer has paired (masked identities only)')
    .option('--json', 'print a JSON array')
    .option('--data <dir>', dataOptionHelp)
    .action(async (options: { json?: boolean; data?: string }) => {
      const { toHistoryView } = await import('../../runtime/history-view.js');
      const phones = await withHistory(options, (history) => history.list().map(toHistoryView));
      if (options.json) return print(JSON.stringify(phones));
      if (phones.length === 0) return print('No phone has been paired on this computer yet.');
      print(phones.map(line).join('\n'));
    });

  program
    .command('forget')
    .description('Remove a phone from local history (it then asks the server on the next plug)')
    .argument(
      '<serial|masked>',
      'adb serial, masked identity (****1234) or its last four characters',
    )
    .option('--data <dir>', dataOptionHelp)
    .action(async (target: string, options: { data?: string }) => {
      const { forgetPaired } = await import('../../runtime/history-view.js');
      const phone = await withHistory(options, (history) => forgetPaired(history, target));
      print(`Forgot ${line(phone)}`);
    });

  program
    .command('release')
    .description("Release this computer's server binding of an attached phone and forget it")
    .argument(
      '<serial|masked>',
      'adb serial, masked identity (****1234) or its last four characters',
    )
    .option('--data <dir>', dataOptionHelp)
    .action(async (target: string, options: { data?: string }) => {
      const { released } = await callAgent<{ released: HistoryView }>(
        dataDirFrom(options),
        '/api/release',
        { method: 'POST', body: { target } },
      );
      print(`Released ${line(released)}; another computer may pair it now.`);
    });

  for (const [name, path, says] of [
    ['pause', '/api/pause', 'Pairing paused: plugged phones wait until you resume.'],
    ['resume', '/api/resume', 'Pairing resumed.'],
  ] as const) {
    program
      .command(name)
      .description(
        name === 'pause' ? 'Pause automatic pairing on plug' : 'Resume automatic pairing',
      )
      .option('--data <dir>', dataOptionHelp)
      .action(async (options: { data?: string }) => {
        await callAgent(dataDirFrom(options), path, { method: 'POST' });
        print(says);
      });
  }
}

/** History works with or without a running agent: SQLite in WAL mode allows both at once. */
async function withHistory<T>(
  options: { data?: string },
  use: (history: HistoryStore) => T,
): Promise<T> {
  // Loaded on demand: `tandem --help` loads no database.
  const { HistoryStore } = await import('../../../db/agent/history-store.js');
  const history = HistoryStore.open({ dataDir: dataDirFrom(options) });
  try {
    return use(history);
  } finally {
    history.close();
  }
}

function line(p: HistoryView): string {
  return `${p.masked} (${p.kind}) ${p.manufacturer} ${p.model} — ${p.timesConnected}× connected, last seen ${p.lastSeenAt}`;
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
