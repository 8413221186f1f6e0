// The inbox: what the PC shared, newest first, each with its time and its action (copy, open,
// view, save); a file shows its size and how far it came. Items are kept in localStorage
// (kept-inbox.ts) and shown again, marked as earlier, when the page opens next time.
import type { RelayMessage } from '../protocol/relay-messages.js';
import { formatBytes } from '../protocol/i18n/format.js';
import type { Locale } from '../protocol/i18n/locale.js';
import type { FileEvent } from '../relay-client/file-transfer.js';
import { byId, el } from './dom.js';
import type { Strings } from './i18n.js';
import { keep, readKept, type KeptItem } from './kept-inbox.js';
import { timeText } from './phone-format.js';

export class Inbox {
  private readonly list = byId<HTMLUListElement>('inbox');
  private readonly empty = byId<HTMLParagraphElement>('inbox-empty');
  private readonly transfers = new Map<string, HTMLLIElement>();
  private readonly earlier: HTMLLIElement[] = [];

  constructor(
    private readonly t: Strings,
    private readonly locale: Locale,
    /** Something new arrived (the Inbox tab's badge). */
    private readonly onArrival: () => void = () => {},
  ) {
    for (const item of readKept()) this.showKept(item);
  }

  addText(message: Extract<RelayMessage, { type: 'data.text' }>): void {
    const at = Date.now();
    keep({ kind: 'text', at, text: message.text });
    this.add(this.textItem(message.text, at));
  }

  addLink(message: Extract<RelayMessage, { type: 'data.link' }>): void {
    const at = Date.now();
    keep({
      kind: 'link',
      at,
      url: message.url,
      ...(message.title ? { title: message.title } : {}),
    });
    this.add(this.linkItem(message.url, message.title, at));
  }

  /** Shows a transfer's size and progress, then the received image or a save button. */
  fileEvent(event: FileEvent): void {
    const id = event.event === 'complete' ? event.file.id : event.id;
    let item = this.transfers.get(id);
    if (!item) {
      const name = event.event === 'complete' ? event.file.name : event.name;
      item = this.item('file', Date.now(), el('p', { class: 'body' }, name));
      item.dataset.fileId = id;
      this.transfers.set(id, item);
      this.add(item);
    }
    item.querySelectorAll('.state').forEach((node) => node.remove());
    if (event.event === 'progress') {
      const percent = event.size > 0 ? Math.floor((event.received / event.size) * 100) : 0;
      const said = this.t.progressOf
        .replace('{received}', formatBytes(event.received, this.locale))
        .replace('{size}', formatBytes(event.size, this.locale))
        .replace('{percent}', String(percent));
      item.append(
        el('progress', {
          class: 'state',
          max: String(event.size),
          value: String(event.received),
          'aria-label': `${this.t.receiving} ${said}`,
        }),
        el('p', { class: 'state muted progress-text' }, said),
      );
    } else if (event.event === 'failed') {
      item.append(el('p', { class: 'state error', role: 'alert' }, this.t.failed));
    } else {
      const { file } = event;
      const url = URL.createObjectURL(new Blob([file.bytes], { type: file.mime }));
      const save = el(
        'a',
        { href: url, download: file.name, class: 'action state', role: 'button' },
        this.t.save,
      );
      item.append(
        el('p', { class: 'state muted' }, formatBytes(file.bytes.byteLength, this.locale)),
      );
      if (file.kind === 'image')
        item.append(el('img', { src: url, alt: file.name, class: 'preview state' }));
      item.append(save);
      keep({
        kind: 'file',
        at: Date.now(),
        name: file.name,
        size: file.bytes.byteLength,
        image: file.kind === 'image',
      });
    }
  }

  private textItem(text: string, at: number): HTMLLIElement {
    const copy = el('button', { type: 'button', class: 'action' }, this.t.copy);
    copy.addEventListener('click', () => {
      void navigator.clipboard?.writeText(text).then(() => (copy.textContent = this.t.copied));
    });
    return this.item('text', at, el('p', { class: 'body' }, text), copy);
  }

  private linkItem(url: string, title: string | undefined, at: number): HTMLLIElement {
    const attributes = { href: url, target: '_blank', rel: 'noopener noreferrer' };
    const link = el('a', { ...attributes, class: 'body' }, title ?? url);
    const open = el('a', { ...attributes, class: 'action', role: 'button' }, this.t.openLink);
    return this.item('link', at, link, open);
  }

  private item(kind: string, at: number, ...children: Node[]): HTMLLIElement {
    const time = el(
      'time',
      { class: 'when muted', datetime: new Date(at).toISOString() },
      timeText(at, this.locale),
    );
    return el('li', { class: `item ${kind}` }, time, ...children);
  }

  /** An item from an earlier session: shown below the new ones, without the bytes of files. */
  private showKept(kept: KeptItem): void {
    const item =
      kept.kind === 'text'
        ? this.textItem(kept.text, kept.at)
        : kept.kind === 'link'
          ? this.linkItem(kept.url, kept.title, kept.at)
          : this.item(
              'file',
              kept.at,
              el('p', { class: 'body' }, kept.name),
              el('p', { class: 'muted' }, formatBytes(kept.size, this.locale)),
            );
    item.classList.add('earlier');
    if (this.earlier.length === 0) {
      this.list.append(el('li', { class: 'earlier-title muted' }, this.t.earlier));
    }
    this.earlier.push(item);
    this.list.append(item);
    this.empty.hidden = true;
  }

  private add(item: HTMLLIElement): void {
    this.empty.hidden = true;
    this.list.prepend(item);
    this.onArrival();
  }
}
