// The mirror's toolbar: address bar, back/forward/reload, find bar, follow toggle and the PC's tab
// list. Each control sends its operation to the PC; find also highlights in the phone's copy.
import type { MirrorTabInfo, RelayMessage } from '../protocol/relay-messages.js';
import { navigationTarget } from '../mirror/ops/navigation-target.js';
import { renderTabList } from '../mirror/replayer/tab-list.js';
import { ASSET_ROUTE } from '../mirror/replayer/asset-rewrite.js';
import { byId } from './dom.js';
import type { Strings } from './i18n.js';
import type { MirrorPanel } from './mirror-view.js';

type Send = (message: RelayMessage) => Promise<void>;

export interface MirrorControls {
  setTabs(tabs: readonly MirrorTabInfo[]): void;
  showFindResult(result: { count: number; index: number }): void;
}

export function wireMirrorControls(send: Send, panel: MirrorPanel, t: Strings): MirrorControls {
  const address = byId<HTMLInputElement>('address');
  const findInput = byId<HTMLInputElement>('find-input');
  const findCount = byId('find-count');
  const tabs = byId<HTMLUListElement>('tabs');
  const post = (message: RelayMessage): void => void send(message).catch(() => undefined);

  byId<HTMLFormElement>('address-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = address.value.trim();
    if (text === '') return;
    post({ type: 'op.navigate', url: navigationTarget(text) });
    address.blur();
  });
  byId('back').addEventListener('click', () => post({ type: 'op.back' }));
  byId('forward').addEventListener('click', () => post({ type: 'op.forward' }));
  byId('reload').addEventListener('click', () => post({ type: 'op.reload' }));

  const find = (action: 'query' | 'next' | 'previous' | 'clear'): void => {
    const query = findInput.value.trim();
    if (action === 'query' && query === '') return find('clear');
    panel.find(action, query);
    post(action === 'query' ? { type: 'op.find', action, query } : { type: 'op.find', action });
    if (action === 'clear') {
      findInput.value = '';
      findCount.textContent = '';
    }
  };
  // A new query when the text changed since the last one, the next match otherwise.
  let lastQuery = '';
  byId<HTMLFormElement>('find-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const query = findInput.value.trim();
    find(query !== '' && query === lastQuery ? 'next' : 'query');
    lastQuery = query;
  });
  byId('find-next').addEventListener('click', () => {
    if (findInput.value.trim() !== lastQuery) {
      lastQuery = findInput.value.trim();
      return find('query');
    }
    find('next');
  });
  byId('find-prev').addEventListener('click', () => find('previous'));
  byId('find-clear').addEventListener('click', () => {
    lastQuery = '';
    find('clear');
  });

  // The PC answers with a data.text of its selection, which lands in the inbox to copy.
  byId('copy-from-pc').addEventListener('click', () => post({ type: 'op.copy' }));

  // The open tab list pushes the mirror down: fit it to the room left.
  byId('tabs-box').addEventListener('toggle', () => panel.refit());

  const follow = byId<HTMLInputElement>('follow');
  panel.setFollow(follow.checked);
  follow.addEventListener('change', () => panel.setFollow(follow.checked));

  return {
    setTabs(list) {
      const active = list.find((tab) => tab.active);
      if (active && document.activeElement !== address) address.value = active.url;
      renderTabList(
        tabs,
        list.map((tab) => ({ ...tab, favicon: tab.favicon && proxied(tab.favicon) })),
        {
          showTab: (tabId) => post({ type: 'op.tab', action: 'show', tabId }),
          // In a new tab of the phone's own browser: leaving this page would end the session.
          openOnPhone: (url) => void window.open(url, '_blank', 'noopener'),
        },
        { show: t.showTab, openOnPhone: t.openOnPhone },
      );
    },
    showFindResult(result) {
      findCount.textContent =
        result.count === 0
          ? t.findNone
          : t.findOf
              .replace('{index}', String(result.index))
              .replace('{count}', String(result.count));
    },
  };
}

/** Favicons come through the agent too (the phone may have no network of its own). */
function proxied(url: string): string {
  return /^https?:\/\//i.test(url)
    ? `${location.origin}${ASSET_ROUTE}?url=${encodeURIComponent(url)}`
    : url;
}
