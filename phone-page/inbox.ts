// The inbox: what the PC shared, newest first, each with its action (copy, open, view, save).
import type { RelayMessage } from '../protocol/relay-messages.js';
import type { FileEvent } from '../relay-client/file-transfer.js';
import { byId, el } from './dom.js';
import type { Strings } from './i18n.js';

export class Inbox {
  private readonly list = byId<HTMLUListElement>('inbox');
  private readonly empty = byId<HTMLParagraphElement>('inbox-empty');
  private readonly transfers = new Map<string, HTMLLIElement>();

  constructor(private readonly t: Strings) {}

  addText(message: Extract<RelayMessage, { type: 'data.text' }>): void {
    const copy = el('button', { type: 'button', class: 'action' }, this.t.copy);
    copy.addEventListener('click', () => {
      void navigator.clipboard
        ?.writeText(message.text)
        .then(() => (copy.textContent = this.t.copied));
    });
    this.add(el('li', { class: 'item text' }, el('p', { class: 'body' }, message.text), copy));
  }

  addLink(message: Extract<RelayMessage, { type: 'data.link' }>): void {
    const label = message.title ?? message.url;
    const link = el(
      'a',
      { href: message.url, target: '_blank', rel: 'noopener noreferrer', class: 'body' },
      label,
    );
    const open = el(
      'a',
      {
        href: message.url,
        target: '_blank',
        rel: 'noopener noreferrer',
        class: 'action',
        role: 'button',
      },
      this.t.openLink,
    );
    this.add(el('li', { class: 'item link' }, link, open));
  }

  /** Shows a transfer's progress, then the received image or a save button. */
  fileEvent(event: FileEvent): void {
    const id = event.event === 'complete' ? event.file.id : event.id;
    let item = this.transfers.get(id);
    if (!item) {
      const name = event.event === 'complete' ? event.file.name : event.name;
      item = el('li', { class: 'item file', 'data-file-id': id }, el('p', { class: 'body' }, name));
      this.transfers.set(id, item);
      this.add(item);
    }
    item.querySelector('.state')?.remove();
    if (event.event === 'progress') {
      const bar = el('progress', {
        class: 'state',
        max: String(event.size),
        value: String(event.received),
        'aria-label': this.t.receiving,
      });
      item.append(bar);
    } else if (event.event === 'failed') {
      item.append(
        el('p', { class: 'state error', role: 'alert' }, `${this.t.failed}: ${event.message}`),
      );
    } else {
      const { file } = event;
      const url = URL.createObjectURL(new Blob([file.bytes], { type: file.mime }));
      const save = el(
        'a',
        { href: url, download: file.name, class: 'action state', role: 'button' },
        this.t.save,
      );
      if (file.kind === 'image')
        item.append(el('img', { src: url, alt: file.name, class: 'preview' }));
      item.append(save);
    }
  }

  private add(item: HTMLLIElement): void {
    this.empty.hidden = true;
    this.list.prepend(item);
  }
}
