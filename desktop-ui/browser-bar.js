// The browser bar: the PC browsing session the phones mirror — its tabs (the one shown on the
// phones marked), an address field for a URL or search words, back, forward and reload. In the
// desktop UI it is one section; in the Electron browser window it is the toolbar (?view=toolbar).

/** @param {(path: string, method?: string, body?: unknown) => Promise<any>} api */
export function startBrowserBar(api) {
  const $ = (id) => document.getElementById(id);
  const section = $('browser');
  const address = $('address');
  const result = $('browser-result');
  const tabsList = $('tabs');
  let editing = false;

  const show = (tabs) => {
    section.hidden = false;
    const shown = tabs.find((tab) => tab.active);
    // Never overwrite what the person is typing.
    if (!editing) address.value = shown?.url ?? '';
    tabsList.replaceChildren(...tabs.map(tabItem));
    $('no-tabs').hidden = tabs.length > 0;
  };

  const act = async (request) => {
    result.textContent = '';
    try {
      show((await api('/api/browser', 'POST', request)).tabs);
      return true;
    } catch (error) {
      result.textContent = error.message;
      return false;
    }
  };

  function tabItem(tab) {
    const li = document.createElement('li');
    li.className = tab.active ? 'tab shown' : 'tab';
    if (tab.active) li.setAttribute('aria-current', 'page');
    const name = tab.title || tab.url;
    const showButton = document.createElement('button');
    showButton.type = 'button';
    showButton.className = 'tab-show';
    showButton.textContent = name;
    showButton.title = tab.url;
    showButton.setAttribute('aria-label', `Show ${name}`);
    showButton.addEventListener('click', () => void act({ action: 'show', tabId: tab.id }));
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'tab-close';
    close.textContent = '×';
    close.setAttribute('aria-label', `Close ${name}`);
    close.addEventListener('click', () => void act({ action: 'close', tabId: tab.id }));
    li.append(showButton, close);
    return li;
  }

  address.addEventListener('focus', () => (editing = true));
  address.addEventListener('blur', () => (editing = false));
  $('address-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = address.value;
    const hasTab = tabsList.children.length > 0;
    void act({ action: hasTab ? 'navigate' : 'open', input }).then((ok) => {
      if (ok) address.blur();
    });
  });
  $('new-tab').addEventListener('click', () => {
    const input = address.value.trim();
    if (input) void act({ action: 'open', input });
    else address.focus();
  });
  for (const action of ['back', 'forward', 'reload']) {
    $(action).addEventListener('click', () => void act({ action }));
  }

  const refresh = async () => {
    try {
      show((await api('/api/tabs')).tabs);
    } catch (error) {
      // An agent without a browser session (--browser off) has no bar to show.
      if (/CONTROL_NOT_AVAILABLE/.test(error.message)) section.hidden = true;
      else result.textContent = error.message;
    }
  };
  void refresh();
  setInterval(refresh, 1000);
}
