// The real Electron objects behind the injected factories of tray.ts, notifier.ts and updater.ts.
// Only the Electron main process (main-process.ts) imports this file.
import { createRequire } from 'node:module';
import { app, Menu, nativeImage, Notification, Tray } from 'electron';
import { appFile } from '../bundles/app-file.js';
import { TRAY_ICON_DIR } from '../bundles/app-assets.js';
import type { AppUpdater } from 'electron-updater';
import type { CreateNotification } from './notifier.js';
import { trayIconFile, type TrayFactory } from './tray.js';
import type { AutoUpdaterLike } from './updater.js';

export const electronTrayFactory: TrayFactory<Menu> = {
  createTray: () => {
    const image = nativeImage.createFromPath(
      appFile(`${TRAY_ICON_DIR}/${trayIconFile(process.platform)}`),
    );
    // A file named …Template.png is one already; said again in case the name is lost in a copy.
    if (process.platform === 'darwin') image.setTemplateImage(true);
    return new Tray(image);
  },
  buildMenu: (template) => Menu.buildFromTemplate(template),
};

/** Desktop notifications where the system has them (asked once the app is ready). */
export function electronNotification(): CreateNotification | undefined {
  if (!Notification.isSupported()) return undefined;
  return (content) => new Notification({ title: content.title, body: content.body });
}

/**
 * electron-updater's autoUpdater in a packaged app (GitHub Releases, electron-builder's `publish`);
 * none when running from the sources, where there is nothing to update.
 */
export function electronAutoUpdater(): AutoUpdaterLike | undefined {
  if (!app.isPackaged) return undefined;
  // Loaded only here: the package requires Electron's own modules as it loads.
  const require = createRequire(import.meta.url);
  const { autoUpdater } = require('electron-updater') as { autoUpdater: AppUpdater };
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  return autoUpdater;
}
