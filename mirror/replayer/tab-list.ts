// The PC's tabs on the phone: each with "Show" (mirror this tab) and "Open on this phone" (hand the
// URL to the phone's own browser). Built with DOM calls only: titles are page text, never HTML.

export interface MirrorTab {
  id: string;
  url: string;
  title: string;
  favicon?: string;
  active: boolean;
}

export interface TabListActions {
  showTab(tabId: string): void;
  openOnPhone(url: string): void;
}

/** The buttons' words (the phone page passes its language's). */
export interface TabListLabels {
  show: string;
  openOnPhone: string;
}

const ENGLISH: TabListLabels = { show: 'Show', openOnPhone: 'Open on this phone' };

export function renderTabList(
  list: HTMLElement,
  tabs: readonly MirrorTab[],
  actions: TabListActions,
  labels: TabListLabels = ENGLISH,
): void {
  const doc = list.ownerDocument;
  list.replaceChildren(
    ...tabs.map((tab) => {
      const row = doc.createElement('li');
      row.className = tab.active ? 'tandem-tab tandem-tab-active' : 'tandem-tab';
      row.dataset.tabId = tab.id;
      if (tab.favicon && /^https?:/.test(tab.favicon)) {
        const icon = doc.createElement('img');
        icon.className = 'tandem-tab-icon';
        icon.alt = '';
        icon.referrerPolicy = 'no-referrer';
        icon.addEventListener('error', () => icon.remove());
        icon.src = tab.favicon;
        row.append(icon);
      }
      const title = doc.createElement('span');
      title.className = 'tandem-tab-title';
      title.textContent = tab.title || tab.url;
      title.title = tab.url;
      const show = button(doc, labels.show, 'tandem-tab-show', () => actions.showTab(tab.id));
      row.append(title, show);
      // Only a web address means anything to the phone's browser.
      if (/^https?:/i.test(tab.url)) {
        row.append(
          button(doc, labels.openOnPhone, 'tandem-tab-open', () => actions.openOnPhone(tab.url)),
        );
      }
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
