// The phones the agent sees, one card each. Cards are kept across refreshes so a half-typed text
// keeps its value and focus; only cards that changed position move (moving drops focus).
import type { PhoneView } from '../protocol/control-responses.js';
import type { ControlClient } from './control-client.js';
import { currentWords } from './current-words.js';
import { byId } from './dom.js';
import { phoneCard, type PhoneCard } from './phone-card.js';

export function phoneList(api: ControlClient): (live: PhoneView[]) => void {
  const cards = new Map<string, PhoneCard>();

  return (live) => {
    const words = currentWords();
    const list = byId<HTMLUListElement>('phones');
    const shown = live.map((phone) => {
      let card = cards.get(phone.serial);
      if (!card) cards.set(phone.serial, (card = phoneCard(api, phone.serial)));
      card.render(phone, words);
      return card.li;
    });
    shown.forEach((li, index) => {
      if (list.children[index] !== li) list.insertBefore(li, list.children[index] ?? null);
    });
    while (list.children.length > shown.length) list.lastElementChild?.remove();
    const serials = new Set(live.map((phone) => phone.serial));
    for (const serial of cards.keys()) if (!serials.has(serial)) cards.delete(serial);
  };
}
