// The static files the app serves by path, named here and nowhere else: the phone page's HTML (the
// server's session route) and the desktop UI's files (the agent's control API). The build copies
// them to the same paths under dist/ (scripts/build.ts), where appFile finds them.
import { readFileSync } from 'node:fs';
import { appFile } from './app-file.js';

/** The phone page's HTML, relative to the repository root (and to dist/). */
export const PHONE_PAGE_HTML = 'phone-page/phone-page.html';
/** The folder of the desktop UI's files, relative to the repository root (and to dist/). */
export const DESKTOP_UI_DIR = 'desktop-ui';
/** The desktop UI's files served as they are; its script is the desktop-ui browser bundle. */
export const DESKTOP_UI_FILES = ['index.html', 'style.css', 'inbox.css'] as const;
/** The tray's images (made by scripts/make-icons.ts), relative to the repository root and dist/. */
export const TRAY_ICON_DIR = 'build/icons/tray';
export const TRAY_ICON_FILES = [
  'trayTemplate.png',
  'trayTemplate@2x.png',
  'tray.png',
  'tray@2x.png',
  'tray.ico',
] as const;

export function phonePageHtml(): string {
  return readFileSync(appFile(PHONE_PAGE_HTML), 'utf8');
}

/** One file of the desktop UI by its name in desktop-ui/, e.g. 'index.html'. */
export function desktopUiFile(name: string): Buffer {
  return readFileSync(appFile(`${DESKTOP_UI_DIR}/${name}`));
}
