// The language switch in the header: the system's language, English or 简体中文. The choice is
// remembered by the agent (settings.json), so the tray, the CLI and the next window follow it.
import { isLocale } from '../protocol/i18n/locale.js';
import type { ControlClient } from './control-client.js';
import { chosenLocale, currentWords, useSettingsLanguage } from './current-words.js';
import { byId } from './dom.js';

export function startLanguageSwitch(api: ControlClient): () => void {
  const select = byId<HTMLSelectElement>('language');
  const render = () => {
    const system = select.options.item(0);
    if (system) system.textContent = currentWords().ui.languageSystem;
    select.value = chosenLocale() ?? 'system';
  };
  select.addEventListener('change', () => {
    const value = select.value;
    const language = isLocale(value) ? value : null;
    void api.call('updateSettings', { language }).then((settings) => {
      useSettingsLanguage(settings.language);
      render();
    });
  });
  render();
  return render;
}
