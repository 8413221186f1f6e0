// `tandem inbox` for a person: each item's local time, kind, phone and size (KB or MB), then what
// it holds, in the chosen language; and for a program, the JSON fields the issue names.
import type { InboxItem } from '../../protocol/control-responses.js';
import type { Words } from '../../protocol/i18n/desktop-words.js';
import { formatBytes, formatTime } from '../../protocol/i18n/format.js';
import type { Locale } from '../../protocol/i18n/locale.js';

/** Who sent an item, as a person recognises the phone: model and masked identity. */
export function senderName(words: Words, item: Pick<InboxItem, 'from' | 'model'>): string {
  return [item.model, item.from].filter(Boolean).join(' ') || words.inbox.unknownPhone;
}

/** What an item holds, on one line: the text, the link, or where the file is. */
export function itemContent(item: InboxItem): string {
  return item.text ?? item.url ?? item.path ?? '';
}

export function inboxLines(
  words: Words,
  locale: Locale,
  items: readonly InboxItem[],
  timeZone?: string,
): string[] {
  if (items.length === 0) return [words.inbox.cliEmpty];
  return items.flatMap((item) => [
    [
      formatTime(item.at, locale, timeZone),
      words.inbox.kinds[item.kind],
      words.inbox.from(senderName(words, item)),
      formatBytes(item.bytes, locale),
    ].join(' · '),
    `  ${itemContent(item).replace(/\s+/g, ' ').trim()}`,
  ]);
}

/** The JSON form: kind, from (masked identity), model, at (ISO), text/url/path, name, bytes. */
export function inboxJson(items: readonly InboxItem[]): object[] {
  return items.map(({ id, kind, from, model, at, text, url, title, path, name, bytes }) => ({
    id,
    kind,
    from,
    model,
    at,
    ...(text !== undefined ? { text } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(path !== undefined ? { path } : {}),
    ...(name !== undefined ? { name } : {}),
    bytes,
  }));
}
