// "Send to phone" under a connected phone: the PC page's selection, its address, typed text, or an
// image URL, with what was sent (or why not) below.
import type { SendKind, SendRequest } from '../protocol/control-requests.js';
import type { SendResult } from '../protocol/control-responses.js';
import type { ControlClient } from './control-client.js';
import { element, messageOf } from './dom.js';

const sentLabel: Record<SendKind, (sent: SendResult) => string> = {
  selection: (sent) => `Sent the selection (${sent.size} characters).`,
  link: (sent) => `Sent the link ${sent.url}.`,
  text: (sent) => `Sent the text (${sent.size} characters).`,
  image: (sent) => `Sent the image (${sent.size} bytes).`,
};

export function sendControls(api: ControlClient, serial: string): HTMLDivElement {
  const box = element('div', { class: 'send' });
  const result = element('p', { class: 'send-result', role: 'status' });
  const send = async (request: SendRequest): Promise<boolean> => {
    result.className = 'send-result';
    result.textContent = 'Sending…';
    try {
      const { sent } = await api.call('send', { ...request, to: serial });
      result.textContent = sentLabel[sent.kind](sent);
      return true;
    } catch (error) {
      result.className = 'send-result error';
      result.textContent = messageOf(error);
      return false;
    }
  };
  const button = (label: string, request: SendRequest) => {
    const node = element('button', { type: 'button' }, label);
    node.addEventListener('click', () => void send(request));
    return node;
  };
  const form = (
    label: string,
    type: string,
    name: string,
    make: (value: string) => SendRequest,
  ) => {
    const node = element('form', { class: 'send-form' });
    const input = element('input', { type, name, 'aria-label': label, placeholder: label });
    input.required = true;
    node.append(input, element('button', { type: 'submit' }, 'Send'));
    node.addEventListener('submit', (event) => {
      event.preventDefault();
      void send(make(input.value)).then((ok) => ok && node.reset());
    });
    return node;
  };
  box.append(
    button('Send selection', { kind: 'selection' }),
    button('Send this page', { kind: 'link' }),
    form('Send text', 'text', 'text', (text) => ({ kind: 'text', text })),
    form('Image URL', 'url', 'image', (url) => ({ kind: 'image', url })),
    result,
  );
  return box;
}
