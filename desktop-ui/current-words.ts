// The desktop UI's language: the person's choice (settings.language, remembered by the agent),
// else the browser's languages. Every part reads its words here and re-renders on a change.
import { desktopCatalogues, type Words } from '../protocol/i18n/desktop-words.js';
import { pickLocale, type Locale } from '../protocol/i18n/locale.js';
import type { ControlClient } from './control-client.js';

let locale: Locale = pickLocale(navigator.languages);
let chosen: Locale | undefined;
const listeners = new Set<() => void>();

export function currentLocale(): Locale {
  return locale;
}

export function currentWords(): Words {
  return desktopCatalogues[locale];
}

/** The language the person chose, or undefined: the system's. */
export function chosenLocale(): Locale | undefined {
  return chosen;
}

export function onWordsChange(listener: () => void): void {
  listeners.add(listener);
}

/** Takes the settings' language (absent: the browser's); tells every part when it changed. */
export function useSettingsLanguage(language: Locale | undefined): void {
  chosen = language;
  const next = language ?? pickLocale(navigator.languages);
  if (next === locale) return;
  locale = next;
  for (const listener of listeners) listener();
}

/** Reads the settings now and every few seconds (another window or the tray may change them). */
export function watchLanguage(api: ControlClient): void {
  const read = () =>
    void api.call('settings').then(
      (settings) => useSettingsLanguage(settings.language),
      () => undefined, // the status line tells an absent agent
    );
  read();
  setInterval(read, 2000);
}
