// `tandem history`, `tandem forget`, `tandem release`: the phones this computer has paired.
import type { Command } from 'commander';
import type { HistoryStore } from '../../../db/agent/history-store.js';
import type { HistoryView } from '../../control/control-api.js';
import { callAgent } from '../../control/control-client.js';
import { dataDirFrom, dataOptionHelp } from '../cli-options.js';
import type { CommandWords } from '../../../protocol/i18n/cli-command-words.js';
import { formatTime } from '../../../protocol/i18n/format.js';
import type { Locale } from '../../../protocol/i18n/locale.js';

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
      const say = await wordsFor(options);
      if (phones.length === 0) return print(say.words.empty);
      print(phones.map((phone) => line(phone, say)).join('\n'));
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
      const say = await wordsFor(options);
      print(say.words.forgot(line(phone, say)));
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
      const say = await wordsFor(options);
      print(say.words.released(line(released, say)));
    });

  for (const [name, path, says] of [
    ['pause', '/api/pause', 'paused'],
    ['resume', '/api/resume', 'resumed'],
  ] as const) {
    program
      .command(name)
      .description(
        name === 'pause' ? 'Pause automatic pairing on plug' : 'Resume automatic pairing',
      )
      .option('--data <dir>', dataOptionHelp)
      .action(async (options: { data?: string }) => {
        await callAgent(dataDirFrom(options), path, { method: 'POST' });
        print((await wordsFor(options)).words[says]);
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

interface Say {
  locale: Locale;
  words: CommandWords['history'];
}

/** The person's language (cli-language.ts), loaded on demand. */
async function wordsFor(options: { data?: string }): Promise<Say> {
  const { cliWords } = await import('../cli-language.js');
  const { locale, words } = cliWords(dataDirFrom(options));
  return { locale, words: words.commands.history };
}

function line(p: HistoryView, { locale, words }: Say): string {
  const model = `${p.manufacturer} ${p.model}`;
  return words.line(p.masked, p.kind, model, p.timesConnected, formatTime(p.lastSeenAt, locale));
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
