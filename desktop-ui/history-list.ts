// "Paired before": the phones this computer paired (masked identities only), each with when it was
// last connected and Forget.
import type { HistoryView } from '../protocol/control-responses.js';
import type { Words } from '../protocol/i18n/desktop-words.js';
import { formatTime } from '../protocol/i18n/format.js';
import type { Locale } from '../protocol/i18n/locale.js';
import type { ControlClient } from './control-client.js';
import { element } from './dom.js';

export function historyItem(
  api: ControlClient,
  words: Words,
  locale: Locale,
  entry: HistoryView,
  refresh: () => Promise<void>,
): HTMLLIElement {
  const w = words.ui.history;
  const li = element('li', { class: 'row' });
  const who = element('div', { class: 'row-main' });
  who.append(
    element('span', { class: 'phone-name' }, entry.model || entry.manufacturer),
    ' ',
    element('span', { class: 'muted' }, entry.masked),
  );
  const when = element(
    'p',
    { class: 'muted small' },
    w.lastSeen(formatTime(entry.lastSeenAt, locale)),
  );
  who.append(when);
  const forget = element('button', { type: 'button', class: 'secondary' }, w.forget);
  forget.setAttribute('aria-label', w.forgetLabel(entry.masked));
  forget.addEventListener(
    'click',
    () => void api.call('forget', { target: entry.masked }).then(refresh),
  );
  li.append(who, forget);
  return li;
}
