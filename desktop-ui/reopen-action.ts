// "Open on the phone again" on a connected phone's card: the session page closed on the phone (or
// hidden behind another app) comes back, the same session, by the agent's `am start`.
import type { PhoneView } from '../protocol/control-responses.js';
import type { Words } from '../protocol/i18n/desktop-words.js';
import type { ControlClient } from './control-client.js';
import { element } from './dom.js';
import { showFailure } from './failure-view.js';

export function reopenAction(
  api: ControlClient,
  phone: PhoneView,
  words: Words,
): HTMLElement | null {
  if (phone.state !== 'connected') return null;
  const t = words.sessions;
  const box = element('div', { class: 'reopen' });
  const button = element('button', { type: 'button', class: 'secondary' }, t.reopen);
  const result = element('p', { class: 'send-result', role: 'status' });
  button.addEventListener('click', () => {
    result.className = 'send-result';
    result.textContent = '';
    api.call('reopen', { target: phone.identity?.masked ?? phone.serial }).then(
      () => (result.textContent = t.reopened),
      (error: unknown) => showFailure(result, words, error, t.reopenFailed),
    );
  });
  box.append(button, result);
  return box;
}
