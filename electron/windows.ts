// Locked-down windows: isolated, sandboxed, no node, no preload (the UI needs no IPC: it calls the
// agent's control API over HTTP); navigation and new windows denied.
import { BrowserWindow, shell } from 'electron';
import { appFile, RUNNING_BUILT } from '../bundles/app-file.js';

export function createMainWindow(uiUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 420,
    height: 640,
    show: false,
    title: 'Tandem',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  const allowedOrigin = new URL(uiUrl).origin;
  window.webContents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (new URL(url).origin !== allowedOrigin) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(uiUrl);
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
