// One tab of the PC browsing session in the browser bar: a button that shows it on the phones
// (marked when it is the shown one) and one that closes it.
import type { TabView } from '../protocol/control-responses.js';
import type { Words } from '../protocol/i18n/desktop-words.js';

export interface TabActions {
  show(tabId: string): void;
  close(tabId: string): void;
}

export function tabItem(tab: TabView, actions: TabActions, words: Words): HTMLLIElement {
  const li = document.createElement('li');
  li.className = tab.active ? 'tab shown' : 'tab';
  if (tab.active) li.setAttribute('aria-current', 'page');
  const name = tab.title || tab.url;
  const showButton = document.createElement('button');
  showButton.type = 'button';
  showButton.className = 'tab-show';
  showButton.textContent = name;
  showButton.title = tab.url;
  showButton.setAttribute('aria-label', words.ui.browser.show(name));
  showButton.addEventListener('click', () => actions.show(tab.id));
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'tab-close';
  close.textContent = '×';
  close.setAttribute('aria-label', words.ui.browser.close(name));
  close.addEventListener('click', () => actions.close(tab.id));
  li.append(showButton, close);
  return li;
}
