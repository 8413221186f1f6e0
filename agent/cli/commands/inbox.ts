// `tandem inbox`: what phones sent this computer, newest first. Reads the data folder's inbox
// directly, so it works with no agent running. Human words in the chosen language (the settings'
// language, else LANG).
import type { Command } from 'commander';
import { dataDirFrom, dataOptionHelp } from '../cli-options.js';

export function register(program: Command): void {
  program
    .command('inbox')
    .description('List what phones sent this computer (text, links, images, files), newest first')
    .option('--json', 'print a JSON array')
    .option('--data <dir>', dataOptionHelp)
    .action(async (options: { json?: boolean; data?: string }) => {
      // Loaded on demand: `tandem --help` loads none of it.
      const { readInbox } = await import('../../inbox/inbox-store.js');
      const { inboxJson, inboxLines } = await import('../../inbox/inbox-lines.js');
      const dataDir = dataDirFrom(options);
      const items = readInbox(dataDir);
      if (options.json) return print(JSON.stringify(inboxJson(items)));
      const { cliWords } = await import('../cli-language.js');
      const { locale, words } = cliWords(dataDir);
      print(inboxLines(words, locale, items).join('\n'));
    });
}

function print(text: string): void {
  process.stdout.write(`${text}\n`);
}
