// One inbox item on the desktop: its kind, local time, the phone, its size in KB or MB, what it
// holds, and its actions: Copy (text, links), Open in the mirrored browser (links), Open and Show in
// folder (files, images). A refusal says what happened in words; its code only under "Details".
import type { InboxItem } from '../protocol/control-responses.js';
import type { Words } from '../protocol/i18n/desktop-words.js';
import { formatBytes, formatTime } from '../protocol/i18n/format.js';
import type { Locale } from '../protocol/i18n/locale.js';
import { ControlCallError, type ControlClient } from './control-client.js';
import { element } from './dom.js';

export function inboxItem(
  api: ControlClient,
  words: Words,
  locale: Locale,
  item: InboxItem,
): HTMLLIElement {
  const w = words.inbox;
  const li = element('li', { class: 'inbox-item', 'data-kind': item.kind, 'data-id': item.id });
  const sender = [item.model, item.from].filter(Boolean).join(' ') || w.unknownPhone;
  const meta = element('p', { class: 'inbox-meta' });
  meta.append(
    element('span', { class: 'inbox-kind' }, w.kinds[item.kind]),
    ' · ',
    element('time', { datetime: item.at }, formatTime(item.at, locale)),
    ' · ',
    element('span', { class: 'inbox-from' }, w.from(sender)),
    ' · ',
    element(
      'span',
      { class: 'inbox-size', 'aria-label': w.size(formatBytes(item.bytes, locale)) },
      formatBytes(item.bytes, locale),
    ),
  );
  const result = element('p', { class: 'inbox-result', role: 'status' });
  const actions = element('div', { class: 'inbox-actions' });
  // Each button is described by what it acts on: a screen reader tells one "Open" from another.
  const held = content(item);
  held.id = `inbox-content-${item.id}`;
  const button = (label: string, act: () => Promise<string | undefined>): void => {
    const node = element('button', { type: 'button', 'aria-describedby': held.id }, label);
    node.addEventListener('click', () => {
      act().then(
        (said) => showResult(result, said ?? ''),
        (error: unknown) => showFailure(result, words, error),
      );
    });
    actions.append(node);
  };

  if (item.kind === 'text' || item.kind === 'link') {
    const copied = item.text ?? item.url ?? '';
    button(w.copy, async () => {
      await copyText(copied);
      return w.copied;
    });
  }
  if (item.kind === 'link') {
    button(w.openInBrowser, async () => {
      await api.call('inboxOpen', { id: item.id });
      return w.openedInBrowser;
    });
  }
  if (item.kind === 'file' || item.kind === 'image') {
    button(w.open, async () => void (await api.call('inboxOpen', { id: item.id })));
    button(w.showInFolder, async () => void (await api.call('inboxShow', { id: item.id })));
  }
  li.append(meta, held, actions, result);
  return li;
}

function content(item: InboxItem): HTMLElement {
  if (item.kind === 'text') return element('p', { class: 'inbox-text' }, item.text ?? '');
  if (item.kind === 'link') {
    const link = element(
      'a',
      { class: 'inbox-link', href: item.url ?? '', target: '_blank', rel: 'noopener noreferrer' },
      item.title ?? item.url ?? '',
    );
    const p = element('p', { class: 'inbox-text' });
    p.append(link);
    return p;
  }
  return element(
    'p',
    { class: 'inbox-file', title: item.path ?? '' },
    item.name ?? item.path ?? '',
  );
}

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard permission (an embedded view): the older way, through a selected text area.
    const area = element('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    const done = document.execCommand('copy');
    area.remove();
    if (!done) throw new Error('the clipboard refused the text');
  }
}

function showResult(result: HTMLElement, said: string): void {
  result.classList.remove('error');
  result.replaceChildren(said);
}

/** What went wrong in words; the code under "Details" only. */
function showFailure(result: HTMLElement, words: Words, error: unknown): void {
  const w = words.inbox;
  const code = error instanceof ControlCallError ? error.code : undefined;
  const said =
    code === 'INBOX_FILE_MISSING'
      ? w.fileMissing
      : code === 'CONTROL_NOT_AVAILABLE'
        ? w.noBrowser
        : code === 'INBOX_OPEN_FAILED'
          ? w.openFailed
          : w.failed;
  const details = element('details');
  details.append(
    element('summary', {}, w.details),
    code ?? (error instanceof Error ? error.message : String(error)),
  );
  result.classList.add('error');
  result.replaceChildren(said, ' ', details);
}
