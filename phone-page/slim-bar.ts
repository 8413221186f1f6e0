// The phone's one slim bar: the views, back, the address and "More" (forward, reload, find,
// follow, copy, the PC's tabs, the mirror's layout, the language). Find opens as a bar over the
// bottom of the screen; a badge on Inbox counts what arrived while the mirror showed.
import type { Locale } from '../protocol/i18n/locale.js';
import { wireBarHide, type BarHide } from './bar-hide.js';
import { byId } from './dom.js';
import { rememberLanguage, type Strings } from './i18n.js';

export interface SlimBar extends BarHide {
  /** Something arrived in the inbox: counted on the badge while the mirror is the view. */
  arrived(): void;
  /** The person opened the Inbox view: the badge is cleared, the bar shown. */
  inboxShown(): void;
}

export function wireSlimBar(t: Strings, lang: Locale, refit: () => void): SlimBar {
  const menuButton = byId<HTMLButtonElement>('menu-button');
  const menu = byId('menu');
  const findForm = byId<HTMLFormElement>('find-form');
  const badge = byId('inbox-badge');
  const hiding = wireBarHide();
  let unseen = 0;

  const setMenu = (open: boolean): void => {
    menu.hidden = !open;
    menuButton.setAttribute('aria-expanded', String(open));
    refit();
  };
  menuButton.addEventListener('click', () => setMenu(menu.hidden));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !menu.hidden) {
      setMenu(false);
      menuButton.focus();
    }
  });
  // One-shot actions close the menu; toggles (follow, tabs, language) leave it open.
  const oneShot = new Set(['forward', 'reload', 'copy-from-pc', 'mirror-mode']);
  menu.addEventListener('click', (event) => {
    const id = (event.target as Element).closest('button')?.id;
    if (id && oneShot.has(id)) setMenu(false);
  });
  byId('open-find').addEventListener('click', () => {
    setMenu(false);
    findForm.hidden = false;
    byId<HTMLInputElement>('find-input').focus();
  });
  byId('find-clear').addEventListener('click', () => (findForm.hidden = true));

  for (const button of menu.querySelectorAll<HTMLButtonElement>('button[data-lang]')) {
    const language = button.dataset.lang as Locale;
    button.setAttribute('aria-pressed', String(language === lang));
    button.addEventListener('click', () => {
      if (language === lang) return;
      rememberLanguage(language);
      // The page reloads in the new language; the session resumes (the relay keeps the seat).
      location.reload();
    });
  }

  return {
    arrived() {
      if (document.body.dataset.view !== 'mirror') return;
      unseen += 1;
      badge.hidden = false;
      badge.textContent = String(unseen);
      badge.setAttribute('aria-label', t.newItems.replace('{count}', String(unseen)));
    },
    scrolled: hiding.scrolled,
    show: hiding.show,
    inboxShown() {
      hiding.show();
      unseen = 0;
      badge.hidden = true;
      badge.textContent = '';
    },
  };
}
