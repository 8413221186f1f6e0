// The browser bar: the PC browsing session the phones mirror — its tabs (the one shown on the
// phones marked), an address field for a URL or search words, back, forward and reload. In the
// desktop UI it is one section; in the Electron browser window it is the toolbar (?view=toolbar).
import type { BrowserRequest } from '../protocol/control-requests.js';
import type { TabView } from '../protocol/control-responses.js';
import { ControlCallError, type ControlClient } from './control-client.js';
import { currentWords, onWordsChange } from './current-words.js';
import { byId } from './dom.js';
import { showFailure } from './failure-view.js';
import { tabItem, type TabActions } from './tab-item.js';

export function startBrowserBar(api: ControlClient): void {
  const section = byId('browser');
  const address = byId<HTMLInputElement>('address');
  const result = byId('browser-result');
  const tabsList = byId<HTMLUListElement>('tabs');
  let editing = false;
  let lastTabs: TabView[] = [];

  const show = (tabs: TabView[]): void => {
    section.hidden = false;
    lastTabs = tabs;
    const shown = tabs.find((tab) => tab.active);
    // Never overwrite what the person is typing.
    if (!editing) address.value = shown?.url ?? '';
    tabsList.replaceChildren(...tabs.map((tab) => tabItem(tab, actions, currentWords())));
    byId('no-tabs').hidden = tabs.length > 0;
  };

  const act = async (request: BrowserRequest): Promise<boolean> => {
    result.replaceChildren();
    result.classList.remove('error');
    try {
      show((await api.call('browser', request)).tabs);
      return true;
    } catch (error) {
      const words = currentWords();
      showFailure(result, words, error, words.ui.browser.failed, {
        CONTROL_BAD_REQUEST: words.ui.browser.needInput,
      });
      return false;
    }
  };

  const actions: TabActions = {
    show: (tabId) => void act({ action: 'show', tabId }),
    close: (tabId) => void act({ action: 'close', tabId }),
  };

  address.addEventListener('focus', () => (editing = true));
  address.addEventListener('blur', () => (editing = false));
  byId('address-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = address.value;
    const hasTab = tabsList.children.length > 0;
    void act({ action: hasTab ? 'navigate' : 'open', input }).then((ok) => {
      if (ok) address.blur();
    });
  });
  byId('new-tab').addEventListener('click', () => {
    const input = address.value.trim();
    if (input) void act({ action: 'open', input });
    else address.focus();
  });
  for (const action of ['back', 'forward', 'reload'] as const) {
    byId(action).addEventListener('click', () => void act({ action }));
  }

  const refresh = async (): Promise<void> => {
    try {
      show((await api.call('tabs')).tabs);
    } catch (error) {
      // An agent without a browser session (--browser off) has no bar to show.
      if (error instanceof ControlCallError && error.code === 'CONTROL_NOT_AVAILABLE')
        section.hidden = true;
      else showFailure(result, currentWords(), error, currentWords().ui.browser.failed);
    }
  };
  onWordsChange(() => show(lastTabs));
  void refresh();
  setInterval(() => void refresh(), 1000);
}
