// Sending to the PC: text or a link from the text box, photos and files from the pickers.
import type { RelayMessage } from '../protocol/relay-messages.js';
import { sendFile } from '../relay-client/file-transfer.js';
import { byId, el } from './dom.js';
import type { Strings } from './i18n.js';

type Send = (message: RelayMessage) => Promise<void>;

export function wireComposer(send: Send, t: Strings): void {
  const form = byId<HTMLFormElement>('send-form');
  const box = byId<HTMLTextAreaElement>('send-text');
  const outgoing = byId<HTMLUListElement>('outgoing');

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = box.value.trim();
    if (text === '') return;
    const isLink = /^https?:\/\/\S+$/i.test(text) && URL.canParse(text);
    const message: RelayMessage = isLink
      ? { type: 'data.link', url: text }
      : { type: 'data.text', text };
    const item = el('li', { class: 'item' }, el('p', { class: 'body' }, text));
    outgoing.prepend(item);
    box.value = '';
    send(message).then(
      () => item.append(el('p', { class: 'state' }, t.sent)),
      (error: Error) =>
        item.append(el('p', { class: 'state error' }, `${t.failed}: ${error.message}`)),
    );
  });

  for (const id of ['pick-photo', 'pick-file']) {
    const input = byId<HTMLInputElement>(id);
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.value = '';
      void sendAll(files, id === 'pick-photo');
    });
  }

  async function sendAll(files: File[], photos: boolean): Promise<void> {
    for (const file of files) {
      const bar = el('progress', {
        max: String(file.size),
        value: '0',
        'aria-label': `${t.sending} ${file.name}`,
      });
      const item = el('li', { class: 'item' }, el('p', { class: 'body' }, file.name), bar);
      outgoing.prepend(item);
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const kind = photos || file.type.startsWith('image/') ? 'image' : 'file';
        const mime = file.type || 'application/octet-stream';
        await sendFile(
          send,
          { name: file.name, mime, kind, bytes },
          {
            onProgress: (sent) => (bar.value = sent),
          },
        );
        item.append(el('p', { class: 'state' }, t.sent));
      } catch (error) {
        item.append(el('p', { class: 'state error' }, `${t.failed}: ${(error as Error).message}`));
      }
    }
  }
}
