// The phones the agent sees, one list item each with its state, a hint a person can act on, and
// the send controls. Items are kept across refreshes so a half-typed text keeps its value and focus.
import type { PhoneView } from '../protocol/control-responses.js';
import type { ControlClient } from './control-client.js';
import { byId, element } from './dom.js';
import { sendControls } from './send-controls.js';

interface PhoneItem {
  li: HTMLLIElement;
  title: HTMLDivElement;
  state: HTMLSpanElement;
  hint: HTMLParagraphElement;
  send: HTMLDivElement;
}

export function phoneList(api: ControlClient): (live: PhoneView[]) => void {
  const items = new Map<string, PhoneItem>();

  const itemFor = (phone: PhoneView): HTMLLIElement => {
    let item = items.get(phone.serial);
    if (!item) {
      const li = element('li');
      const title = element('div');
      const state = element('span', { class: 'state' });
      const hint = element('p', { class: 'hint' });
      const send = sendControls(api, phone.serial);
      li.append(title, hint, send);
      item = { li, title, state, hint, send };
      items.set(phone.serial, item);
    }
    const who = phone.identity
      ? `${phone.model} (${phone.identity.masked})`
      : phone.model || phone.serial;
    item.li.dataset.state = phone.state;
    item.title.replaceChildren(`${who} — `, item.state);
    item.state.textContent = phone.state + (phone.reason ? ` (${phone.reason})` : '');
    item.hint.textContent = phone.hint;
    item.send.hidden = phone.state !== 'connected';
    return item.li;
  };

  /** Updates the list in place: only items that changed position move (moving drops focus). */
  return (live) => {
    const list = byId<HTMLUListElement>('phones');
    const shown = live.map(itemFor);
    shown.forEach((li, index) => {
      if (list.children[index] !== li) list.insertBefore(li, list.children[index] ?? null);
    });
    while (list.children.length > shown.length) list.lastElementChild?.remove();
    const serials = new Set(live.map((phone) => phone.serial));
    for (const serial of items.keys()) if (!serials.has(serial)) items.delete(serial);
  };
}
