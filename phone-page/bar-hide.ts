// The slim bar goes away while the person scrolls the mirror down and comes back when they scroll
// up, as mobile browsers do. The mirror's size never changes: it is as tall as the screen, below
// the bar, and hiding the bar scrolls the page itself by the bar's height. So the replayed page is
// not laid out again and no scroll goes to the PC that the person did not make (a resized mirror
// moved its content, which follow mode echoed). Only the person's own scrolling of the mirror
// counts (mirror/replayer/scroll-follow.ts tells it from the PC's).
import { byId } from './dom.js';

export interface BarHide {
  /** The person scrolled the mirrored page to `y`. */
  scrolled(y: number): void;
  /** Bring the bar back (a state to read, another view, a control to use). */
  show(): void;
}

/** How far the person scrolls one way before the bar follows: small jitters do nothing. */
const TRAVEL_PX = 12;

export function wireBarHide(): BarHide {
  const chrome = byId('chrome');
  let lastY = 0;
  let travel = 0;
  const motion = (): ScrollBehavior =>
    matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth';
  const hidden = (): boolean => document.body.dataset.bar === 'hidden';

  const show = (): void => {
    travel = 0;
    if (!hidden()) return;
    document.body.dataset.bar = 'shown';
    window.scrollTo({ top: 0, behavior: motion() });
  };
  const hide = (): void => {
    if (hidden() || !mayHide()) return;
    document.body.dataset.bar = 'hidden';
    window.scrollTo({ top: chrome.offsetHeight, behavior: motion() });
  };
  // Using a control brings the bar back: the menu, the address, a button reached by keyboard.
  chrome.addEventListener('focusin', show);

  return {
    scrolled(y) {
      const step = y - lastY;
      lastY = y;
      if (y <= 0) return show();
      if (Math.sign(step) !== Math.sign(travel)) travel = 0;
      travel += step;
      if (travel > TRAVEL_PX) hide();
      else if (travel < -TRAVEL_PX) show();
    },
    show,
  };
}

/** The bar stays while the mirror is not the view, or something in it asks to be read or used. */
function mayHide(): boolean {
  if (document.body.dataset.view !== 'mirror') return false;
  const open = ['menu', 'banner', 'seat-notice'].some((id) => !byId(id).hidden);
  return !open && !byId('chrome').contains(document.activeElement);
}
