// `tandem language [en|zh-CN|system]`: shows or remembers the language of Tandem's words (the CLI,
// the desktop UI, the tray, the notifications) in the data folder's settings.json.
import type { Command } from 'commander';
import { isLocale } from '../../../protocol/i18n/locale.js';
import { CliError } from '../cli-error.js';
import { dataDirFrom, dataOptionHelp } from '../cli-options.js';

export function register(program: Command): void {
  program
    .command('language')
    .description('Show or choose the language of Tandem: en, zh-CN, or system (follow the system)')
    .argument('[language]', 'en, zh-CN or system')
    .option('--data <dir>', dataOptionHelp)
    .action(async (language: string | undefined, options: { data?: string }) => {
      const { openSettingsStore } = await import('../../settings/settings-store.js');
      const { systemLocale } = await import('../cli-language.js');
      const { desktopCatalogues } = await import('../../../protocol/i18n/desktop-words.js');
      const dataDir = dataDirFrom(options);
      const store = openSettingsStore(dataDir);
      if (language !== undefined) {
        if (language !== 'system' && !isLocale(language)) {
          throw new CliError(
            'INVALID_ARGUMENT',
            `unknown language ${JSON.stringify(language)}: use en, zh-CN or system`,
            2,
          );
        }
        store.update({ language: language === 'system' ? null : language });
      }
      const chosen = store.get().language;
      const locale = chosen ?? systemLocale();
      const words = desktopCatalogues[locale].cli;
      const name = words.languageNames[locale] ?? locale;
      process.stdout.write(`${chosen ? words.languageSet(name) : words.languageSystem(name)}\n`);
    });
}
