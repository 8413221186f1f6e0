// The PC's tabs on the phone: each with "Show" (mirror this tab) and "Open on this phone" (hand the
// URL to the phone's own browser). Built with DOM calls only: titles are page text, never HTML.

export interface MirrorTab {
  id: string;
  url: string;
  title: string;
  favicon: string;
  active: boolean;
}

export interface TabListActions {
  showTab(tabId: string): void;
  openOnPhone(url: string): void;
}

export function renderTabList(
  list: HTMLElement,
  tabs: readonly MirrorTab[],
  actions: TabListActions,
): void {
  const doc = list.ownerDocument;
  list.replaceChildren(
    ...tabs.map((tab) => {
      const row = doc.createElement('li');
      row.className = tab.active ? 'tandem-tab tandem-tab-active' : 'tandem-tab';
      row.dataset.tabId = tab.id;
      if (/^https?:/.test(tab.favicon)) {
        const icon = doc.createElement('img');
        icon.className = 'tandem-tab-icon';
        icon.alt = '';
        icon.referrerPolicy = 'no-referrer';
        icon.src = tab.favicon;
        row.append(icon);
      }
      const title = doc.createElement('span');
      title.className = 'tandem-tab-title';
      title.textContent = tab.title || tab.url;
      title.title = tab.url;
      const show = button(doc, 'Show', 'tandem-tab-show', () => actions.showTab(tab.id));
      const open = button(doc, 'Open on this phone', 'tandem-tab-open', () =>
        actions.openOnPhone(tab.url),
      );
      row.append(title, show, open);
      return row;
    }),
  );
}

function button(
  doc: Document,
  label: string,
  className: string,
  onClick: () => void,
): HTMLButtonElement {
  const element = doc.createElement('button');
  element.type = 'button';
  element.className = className;
  element.textContent = label;
  element.addEventListener('click', onClick);
  return element;
}
