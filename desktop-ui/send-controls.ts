// "Send to this phone" on a connected phone's card: the PC page's selected text, its link, typed
// text, or an image by its address, with what was sent (or why not, in words) below. The card
// sends a `words` event when the language changes; the labels follow.
import type { SendKind, SendRequest } from '../protocol/control-requests.js';
import type { SendResult } from '../protocol/control-responses.js';
import type { Words } from '../protocol/i18n/desktop-words.js';
import { formatBytes } from '../protocol/i18n/format.js';
import type { ControlClient } from './control-client.js';
import { currentLocale, currentWords } from './current-words.js';
import { element } from './dom.js';
import { showFailure } from './failure-view.js';

const sentLabel: Record<SendKind, (words: Words, sent: SendResult) => string> = {
  selection: (words, sent) => words.ui.send.sentSelection(sent.size),
  link: (words, sent) => words.ui.send.sentLink(sent.url ?? ''),
  text: (words, sent) => words.ui.send.sentText(sent.size),
  image: (words, sent) => words.ui.send.sentImage(formatBytes(sent.size, currentLocale())),
};

export function sendControls(api: ControlClient, serial: string): HTMLDivElement {
  const box = element('div', { class: 'send', role: 'group' });
  const title = element('p', { class: 'send-title' });
  const result = element('p', { class: 'send-result', role: 'status' });
  const relabel: ((words: Words) => void)[] = [
    (words) => (title.textContent = words.ui.send.title),
  ];
  const send = async (request: SendRequest): Promise<boolean> => {
    const words = currentWords();
    result.className = 'send-result';
    result.textContent = words.ui.send.sending;
    try {
      const { sent } = await api.call('send', { ...request, to: serial });
      result.textContent = sentLabel[sent.kind](currentWords(), sent);
      return true;
    } catch (error) {
      showFailure(result, currentWords(), error, currentWords().ui.send.failed);
      return false;
    }
  };
  const button = (label: (words: Words) => string, request: SendRequest) => {
    const node = element('button', { type: 'button', class: 'secondary' });
    relabel.push((words) => (node.textContent = label(words)));
    node.addEventListener('click', () => void send(request));
    return node;
  };
  const form = (
    label: (words: Words) => string,
    submit: (words: Words) => string,
    type: string,
    name: string,
    make: (value: string) => SendRequest,
  ) => {
    const node = element('form', { class: 'send-form' });
    const input = element('input', { type, name });
    const go = element('button', { type: 'submit' });
    relabel.push((words) => {
      input.setAttribute('aria-label', label(words));
      input.placeholder = label(words);
      go.textContent = submit(words);
    });
    input.required = true;
    node.append(input, go);
    node.addEventListener('submit', (event) => {
      event.preventDefault();
      void send(make(input.value)).then((ok) => ok && node.reset());
    });
    return node;
  };
  const quick = element('div', { class: 'send-quick' });
  quick.append(
    button((w) => w.ui.send.selection, { kind: 'selection' }),
    button((w) => w.ui.send.page, { kind: 'link' }),
  );
  box.append(
    title,
    quick,
    form(
      (w) => w.ui.send.textLabel,
      (w) => w.ui.send.textButton,
      'text',
      'text',
      (text) => ({
        kind: 'text',
        text,
      }),
    ),
    form(
      (w) => w.ui.send.imageLabel,
      (w) => w.ui.send.imageButton,
      'url',
      'image',
      (url) => ({
        kind: 'image',
        url,
      }),
    ),
    result,
  );
  const apply = (words: Words) => relabel.forEach((set) => set(words));
  apply(currentWords());
  box.addEventListener('words', (event) => apply((event as CustomEvent<Words>).detail));
  return box;
}
