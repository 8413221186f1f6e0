// Locked-down windows: isolated, sandboxed, no node, no preload (the UI needs no IPC: it calls the
// agent's control API over HTTP), in the UI's own session; navigation and new windows denied.
import { BrowserWindow, shell } from 'electron';
import { appFile, RUNNING_BUILT } from '../bundles/app-file.js';
import { isSameOrigin } from './security/origin.js';
import { UI_PARTITION } from './security/partitions.js';
import { TRY_AGAIN_URL } from './startup-failure.js';

export interface UiWindowOptions {
  /** The startup-failure page's "Try again" was pressed. */
  onTryAgain?(): void;
}

/** The desktop UI (the agent's control page), or the startup-failure page when it did not start. */
export function createUiWindow(url: string, options: UiWindowOptions = {}): BrowserWindow {
  const window = new BrowserWindow({
    width: 420,
    height: 640,
    show: false,
    title: 'Tandem',
    webPreferences: {
      partition: UI_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // A middle click opens nothing in Tandem's own UI (new windows are denied anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.webContents.setWindowOpenHandler(({ url: target }) => {
    openExternalSafely(target);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, target) => {
    if (target === TRY_AGAIN_URL) {
      event.preventDefault();
      options.onTryAgain?.();
      return;
    }
    // A data: page (the startup failure) has no origin: it navigates nowhere.
    if (!isSameOrigin(target, url)) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}

/** Only http(s) leaves the app, in the person's default browser. */
function openExternalSafely(url: string): void {
  const protocol = new URL(url).protocol;
  if (protocol === 'https:' || protocol === 'http:') void shell.openExternal(url);
}

/** A bundled preload in dist/electron (`npm run build` writes it; Electron runs the build). */
export function bundledPath(name: string): string {
  return appFile(RUNNING_BUILT ? `electron/${name}` : `dist/electron/${name}`);
}
