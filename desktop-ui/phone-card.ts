// One phone as a card: its model and masked identity, a state badge, a sentence to act on, the
// USB-debugging steps while it waits for "Allow", the code behind an error under "Details" only,
// and the actions its state allows (send only when connected).
import type { PhoneView } from '../protocol/control-responses.js';
import type { Words } from '../protocol/i18n/desktop-words.js';
import { phoneStateWords } from '../protocol/i18n/phone-state-words.js';
import { cardActions } from './card-actions.js';
import type { ControlClient } from './control-client.js';
import { element } from './dom.js';
import { fillList } from './page-words.js';
import { sendControls } from './send-controls.js';

export interface PhoneCard {
  li: HTMLLIElement;
  render(phone: PhoneView, words: Words): void;
}

export function phoneCard(api: ControlClient, serial: string): PhoneCard {
  const li = element('li', { class: 'card phone' });
  const head = element('div', { class: 'card-head' });
  const name = element('h3', { class: 'phone-name' });
  const badge = element('span', { class: 'badge' });
  head.append(name, badge);
  const hint = element('p', { class: 'hint' });
  const steps = element('ol', { class: 'steps' });
  const help = element('details', { class: 'help-box' });
  const helpSummary = element('summary');
  const helpList = element('ul', { class: 'help' });
  help.append(helpSummary, helpList);
  const details = element('details', { class: 'details' });
  const detailsSummary = element('summary');
  const code = element('code');
  details.append(detailsSummary, code);
  const actions = element('div', { class: 'card-actions' });
  const send = sendControls(api, serial);
  li.append(head, hint, steps, help, details, actions, send);
  let shownKey = '';

  return {
    li,
    render(phone, words) {
      const view = phoneStateWords(words, phone);
      li.dataset.state = phone.state;
      li.dataset.tone = view.tone;
      // Before adb may read it (waiting for "Allow"), a phone is known only by its serial.
      const model = phone.model && phone.model !== phone.serial ? phone.model : '';
      name.replaceChildren(model || words.ui.unknownModel);
      const which = phone.identity?.masked ?? (model ? '' : phone.serial);
      if (which) name.append(' ', element('span', { class: 'muted' }, which));
      badge.textContent = view.badge;
      hint.textContent = view.hint;
      const waitingForAllow = phone.state === 'unauthorized';
      steps.hidden = !waitingForAllow;
      help.hidden = !waitingForAllow;
      details.hidden = !view.code;
      code.textContent = view.code ? words.ui.code(view.code) : '';
      send.hidden = phone.state !== 'connected';
      // Rebuilt only when what they depend on changes: a half-typed text keeps its focus.
      const key = `${phone.state}|${phone.reason ?? ''}|${words.ui.details}`;
      if (key !== shownKey) {
        shownKey = key;
        fillList(steps, words.ui.unauthorizedSteps);
        helpSummary.textContent = words.ui.promptHelpTitle;
        fillList(helpList, words.ui.promptHelp);
        detailsSummary.textContent = words.ui.details;
        actions.replaceChildren(
          ...cardActions.map((action) => action(api, phone, words)).filter((n) => n !== null),
        );
        actions.hidden = actions.childElementCount === 0;
        send.dispatchEvent(new CustomEvent('words', { detail: words }));
      }
    },
  };
}
