// The tray menu's inbox: the newest few items a phone sent (kind and a short preview; a click opens
// a link in the mirrored browser, a file with its application, text in the inbox) and "Show inbox",
// which opens the desktop UI. Nothing while the inbox is empty.
import type { MenuItemConstructorOptions } from 'electron';
import type { InboxItem } from '../protocol/control-responses.js';
import type { Words } from '../protocol/i18n/desktop-words.js';

/** How many of the newest items the tray shows. */
export const TRAY_INBOX_ITEMS = 3;

export interface TrayInboxActions {
  /** A link in the mirrored browser, a file with the system's application. */
  openInboxItem?(item: InboxItem): void;
  /** Opens the desktop UI at its inbox. */
  showInbox?(): void;
}

export function inboxMenuItems(
  words: Words,
  items: readonly InboxItem[],
  actions: TrayInboxActions,
): MenuItemConstructorOptions[] {
  if (items.length === 0) return [];
  const w = words.inbox;
  return [
    { type: 'separator' },
    { label: w.trayTitle, enabled: false },
    ...items.slice(0, TRAY_INBOX_ITEMS).map((item): MenuItemConstructorOptions => ({
      label: `${w.kinds[item.kind]}: ${preview(item.text ?? item.title ?? item.url ?? item.name ?? '')}`,
      click: () => (item.kind === 'text' ? actions.showInbox?.() : actions.openInboxItem?.(item)),
    })),
    { label: w.showInbox, click: () => actions.showInbox?.() },
  ];
}

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}
