// A phone card's way forward when the phone is paired with another computer: "Check again" (the
// agent also checks by itself every 30 s) and "Use it on this computer", which opens a confirmation
// on the phone; while it waits the card says to confirm there. A code only under Details.
import type { PhoneView } from '../protocol/control-responses.js';
import type { Words } from '../protocol/i18n/desktop-words.js';
import { ControlCallError, type ControlClient } from './control-client.js';
import { currentWords } from './current-words.js';
import { element } from './dom.js';

export function takeoverActions(
  api: ControlClient,
  phone: PhoneView,
  words: Words = currentWords(),
): HTMLElement | null {
  if (phone.state !== 'bound-elsewhere') return null;
  const t = words.takeover;
  const box = element('div', { class: 'takeover' });
  const buttons = element('div', { class: 'card-actions' });
  const check = element('button', { type: 'button', class: 'secondary' }, t.checkAgain);
  const use = element('button', { type: 'button' }, t.useHere);
  buttons.append(check, use);
  const line = element('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const details = element('details', { class: 'details' });
  const code = element('code');
  details.append(element('summary', {}, t.details), code);
  details.hidden = true;
  box.append(buttons, line, details);
  let expiry: ReturnType<typeof setTimeout> | undefined;

  const say = (text: string, failure?: unknown) => {
    line.textContent = text;
    const shown = failure instanceof ControlCallError ? failure.code : undefined;
    details.hidden = !shown;
    code.textContent = shown ?? '';
  };
  const busy = (on: boolean) => {
    check.disabled = on;
    use.disabled = on;
  };
  const waitForTap = (until: number | undefined) => {
    clearTimeout(expiry);
    if (until === undefined) return;
    say(t.confirmOnPhone);
    expiry = setTimeout(() => say(t.notConfirmed), Math.max(0, until - Date.now()));
  };

  if (phone.reason === 'BINDING_MOVED') say(t.moved);
  waitForTap(phone.takeoverUntil);

  check.addEventListener('click', () => {
    busy(true);
    say(t.checking);
    api
      .call('checkPhone', { target: phone.serial })
      .then(({ phone: now }) => {
        if (now.state === 'bound-elsewhere') say(t.stillElsewhere);
      })
      .catch((error: unknown) => say(t.failed, error))
      .finally(() => busy(false));
  });
  use.addEventListener('click', () => {
    busy(true);
    say(t.opening);
    api
      .call('takeover', { target: phone.serial })
      .then(({ phone: now }) => waitForTap(now.takeoverUntil))
      .catch((error: unknown) => say(t.failed, error))
      .finally(() => busy(false));
  });
  return box;
}
