// The Electron main process: single instance, tray, the locked-down window on the agent's UI, and
// the agent itself (all business logic lives in agent/). Thin on purpose.
import { app, BaseWindow, Notification, type BrowserWindow } from 'electron';
import { ElectronHost } from './browser/electron-host.js';
import { bundledAdbDir } from './bundled-adb.js';
import { appDataDir } from '../agent/runtime/app-data-dir.js';
import { startAgent } from '../agent/runtime/start-agent.js';
import type { PhoneStatus } from '../agent/pairing/states.js';
import { createDefaultTray, updateTray, type CreateTray } from './tray.js';
import { bundledPath, createMainWindow } from './windows.js';

// Packaged builds ignore risky environment variables (Signal's config.main.ts habit).
const dataDir = appDataDir({ packaged: app.isPackaged });

export async function run(createTray: CreateTray = createDefaultTray): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  // The PC browsing session the phones mirror lives in Tandem's own browser window.
  const browserWindow = new BaseWindow({
    width: 1280,
    height: 860,
    title: 'Tandem browser',
    show: true,
  });
  let host: ElectronHost | undefined;
  const agent = await startAgent({
    dataDir,
    bundledAdbDir: bundledAdbDir(app.isPackaged, process.resourcesPath),
    createBrowserHost: async () =>
      (host = new ElectronHost(browserWindow, { tabPreloadPath: bundledPath('tab-preload.cjs') })),
  });
  // The browser window's toolbar is the desktop UI's browser bar: address, back/forward, tabs.
  host?.showToolbar(`${agent.uiUrl}&view=toolbar`);
  let window: BrowserWindow | undefined;
  const showWindow = () => {
    if (!window || window.isDestroyed()) {
      // The desktop UI from the agent's control API, as a browser tab loads it.
      window = createMainWindow(agent.uiUrl);
    }
    window.show();
    window.focus();
  };

  const tray = createTray();
  const refreshTray = () =>
    updateTray(tray, agent.control.status().devices, agent.control.status().paused, {
      showWindow,
      setPaused: (paused) => (paused ? agent.control.pause() : agent.control.resume()),
      quit: () => app.quit(),
    });
  agent.orchestrator.on('change', (status) => {
    refreshTray();
    notify(status);
  });
  refreshTray();

  app.on('second-instance', showWindow);
  app.on('window-all-closed', () => {
    // Stay in the tray: Tandem keeps watching for phones with no window open.
  });
  app.on('before-quit', (event) => {
    event.preventDefault();
    void agent.stop().finally(() => app.exit(0));
  });
  if (!app.getLoginItemSettings().openAtLogin && app.isPackaged) {
    app.setLoginItemSettings({ openAtLogin: true });
  }
  showWindow();
}

function notify(status: PhoneStatus): void {
  if (!Notification.isSupported()) return;
  if (
    status.state === 'connected' ||
    status.state === 'bound-elsewhere' ||
    status.state === 'unauthorized'
  ) {
    new Notification({ title: 'Tandem', body: status.hint }).show();
  }
}

void run();
