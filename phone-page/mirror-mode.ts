// Fit-to-phone or the PC's layout: the mirror's mode, remembered on this phone. The toolbar's
// views can call setMirrorMode; until they do, a small toggle of its own (#mirror-mode) switches.
import type { MirrorMode } from '../mirror/replayer/mount-mirror.js';

export type { MirrorMode };

const STORAGE_KEY = 'tandem.mirrorMode';
const listeners = new Set<(mode: MirrorMode) => void>();

export function mirrorMode(): MirrorMode {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'pc' ? 'pc' : 'fit';
  } catch {
    return 'fit';
  }
}

/** Switches every mirror on the page; `body[data-mirror-mode]` tells the stylesheet and tests. */
export function setMirrorMode(mode: MirrorMode): void {
  try {
    localStorage.setItem(STORAGE_KEY, mode);
  } catch {
    // Private mode: the switch still works for this page.
  }
  document.body.dataset.mirrorMode = mode;
  for (const listener of listeners) listener(mode);
}

export function onMirrorModeChange(listener: (mode: MirrorMode) => void): void {
  listeners.add(listener);
}

/**
 * A toggle button (aria-pressed when the PC layout shows) placed in `host`; the labels come from
 * the phone page's words.
 */
export function addMirrorModeToggle(host: Element, label: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.id = 'mirror-mode';
  button.type = 'button';
  button.textContent = label;
  const show = (mode: MirrorMode): void =>
    button.setAttribute('aria-pressed', String(mode === 'pc'));
  show(mirrorMode());
  document.body.dataset.mirrorMode = mirrorMode();
  onMirrorModeChange(show);
  button.addEventListener('click', () => setMirrorMode(mirrorMode() === 'pc' ? 'fit' : 'pc'));
  host.append(button);
  return button;
}
