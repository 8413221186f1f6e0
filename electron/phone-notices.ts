// Which phone changes deserve a notification, and in which words: plugged in and paired, USB
// debugging to allow, paired with another computer, and what the phone sends. Keys deduplicate:
// one notice per phone and state until the phone is unplugged.
import type { PhoneStatus } from '../agent/pairing/states.js';
import type { ReceivedItem } from '../agent/session/received-item.js';
import type { NotificationContent } from './notifier.js';
import { phoneName, type Words } from '../protocol/i18n/desktop-words.js';

export interface Notice {
  key: string;
  content: NotificationContent;
}

/** The notice a phone's new state calls for, if any. */
export function phoneNotice(words: Words, status: PhoneStatus): Notice | undefined {
  const name = phoneName(status);
  const n = words.notify;
  const key = `phone:${status.serial}:${status.state}`;
  switch (status.state) {
    case 'connected':
      return { key, content: { title: n.pairedTitle, body: n.pairedBody(name) } };
    case 'unauthorized':
      return { key, content: { title: n.unauthorizedTitle, body: n.unauthorizedBody(name) } };
    case 'bound-elsewhere':
      return { key, content: { title: n.elsewhereTitle, body: n.elsewhereBody(name) } };
    default:
      return undefined;
  }
}

/** The key prefix of every notice about one phone (forgotten when it is unplugged). */
export function phoneNoticePrefix(serial: string): string {
  return `phone:${serial}:`;
}

/** A bounded preview of what the phone sent. */
export function receivedNotice(words: Words, item: ReceivedItem): Notice {
  const n = words.notify;
  const body =
    item.kind === 'text'
      ? n.receivedText(preview(item.text))
      : item.kind === 'link'
        ? n.receivedLink(preview(item.url))
        : n.receivedFile(preview(item.name));
  return {
    key: `received:${item.serial}:${item.kind}:${body}`,
    content: { title: n.receivedTitle, body },
  };
}

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}
