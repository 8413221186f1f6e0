// The desktop UI's Inbox: what phones sent, newest first, polled every second like the phone list
// so new items appear without a reload. Items already shown are kept (a result line stays); the
// words follow the chosen language (the settings', else the browser's).
import type { InboxItem } from '../protocol/control-responses.js';
import { desktopCatalogues } from '../protocol/i18n/desktop-words.js';
import type { Locale } from '../protocol/i18n/locale.js';
import { currentLocale } from './current-words.js';
import type { ControlClient } from './control-client.js';
import { byId } from './dom.js';
import { inboxFolderView } from './inbox-folder.js';
import { inboxItem } from './inbox-item.js';

export const INBOX_POLL_MS = 1000;

export function startInboxPanel(api: ControlClient): void {
  const shown = new Map<string, HTMLLIElement>();
  let shownLocale: Locale | undefined;
  const showFolder = inboxFolderView(api);

  async function refresh(): Promise<void> {
    // The language is read once for the whole UI (current-words.ts), not polled here again.
    const inbox = await api.call('inbox');
    const locale = currentLocale();
    if (locale !== shownLocale) {
      shown.clear();
      shownLocale = locale;
      const words = desktopCatalogues[locale].inbox;
      byId('inbox-title').textContent = words.title;
      byId('inbox-empty').textContent = words.empty;
    }
    render(inbox.items, locale);
    showFolder(inbox.folder);
  }

  function render(items: InboxItem[], locale: Locale): void {
    const list = byId<HTMLUListElement>('inbox-items');
    const words = desktopCatalogues[locale];
    const nodes = items.map((item) => {
      let li = shown.get(item.id);
      if (!li) shown.set(item.id, (li = inboxItem(api, words, locale, item)));
      return li;
    });
    nodes.forEach((li, index) => {
      if (list.children[index] !== li) list.insertBefore(li, list.children[index] ?? null);
    });
    while (list.children.length > nodes.length) list.lastElementChild?.remove();
    const ids = new Set(items.map((item) => item.id));
    for (const id of shown.keys()) if (!ids.has(id)) shown.delete(id);
    byId('inbox-empty').hidden = items.length > 0;
  }

  const poll = () => void refresh().catch(() => undefined); // the status line tells an absent agent
  poll();
  setInterval(poll, INBOX_POLL_MS);
}
