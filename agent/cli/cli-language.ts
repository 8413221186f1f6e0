// The CLI's language: `--lang` for one command (TANDEM_LANG), else the person's remembered choice
// (`tandem language`, the same settings.json the desktop UI's switch writes), else LC_ALL,
// LC_MESSAGES or LANG.
import { desktopCatalogues, type Words } from '../../protocol/i18n/desktop-words.js';
import { isLocale, pickLocale, type Locale } from '../../protocol/i18n/locale.js';
import { openSettingsStore } from '../settings/settings-store.js';

export function systemLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  return pickLocale([env.LC_ALL, env.LC_MESSAGES, env.LANG].filter((v): v is string => !!v));
}

export function cliLocale(
  dataDir: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): Locale {
  if (isLocale(env.TANDEM_LANG)) return env.TANDEM_LANG;
  const chosen = dataDir ? openSettingsStore(dataDir).get().language : undefined;
  return chosen ?? systemLocale(env);
}

export function cliWords(dataDir: string | undefined): { locale: Locale; words: Words } {
  const locale = cliLocale(dataDir);
  return { locale, words: desktopCatalogues[locale] };
}
