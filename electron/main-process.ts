// The Electron main process, wired: Electron's own data apart from Tandem's, one instance, the
// two sessions with their permission gates, the tray, the agent (or, when it cannot start, a page
// that says why with "Try again"), notifications and auto-update. No business logic: the agent
// does the work. app-main.ts runs it; the boot test runs it under Node with an `electron` stand-in.
import { app, dialog, session, shell } from 'electron';
import type { AgentOptions } from '../agent/runtime/agent-options.js';
import type { FileOpener } from '../agent/inbox/system-opener.js';
import { appDataDir } from '../agent/runtime/app-data-dir.js';
import { startAgent, type RunningAgent } from '../agent/runtime/start-agent.js';
import { wireAgent } from './agent-wiring.js';
import { ElectronHost } from './browser/electron-host.js';
import { bundledAdbDir } from './bundled-adb.js';
import {
  electronAutoUpdater,
  electronNotification,
  electronTrayFactory,
} from './electron-factories.js';
import { LaunchAtLogin } from './login-item.js';
import { Notifier } from './notifier.js';
import { installPermissionHandlers } from './security/permission-handlers.js';
import { PermissionGate, type ConfirmPermission } from './security/permission-gate.js';
import { TABS_PARTITION, UI_PARTITION } from './security/partitions.js';
import { ShellWindows } from './shell-windows.js';
import { describeStartupFailure, startupFailureUrl } from './startup-failure.js';
import { TrayController } from './tray.js';
import { UpdateChecker, type AutoUpdaterLike } from './updater.js';
import { electronUserData } from './user-data.js';
import { bundledPath } from './windows.js';
import { wordsFor, type Words } from '../protocol/i18n/desktop-words.js';
import type { Locale } from '../protocol/i18n/locale.js';

/** electron-builder's appId: Windows groups the notifications under it. */
export const APP_USER_MODEL_ID = 'app.tandem.desktop';

export interface MainOptions {
  /** Tandem's data folder; default the per-OS one (agent/runtime/app-data-dir.ts). */
  dataDir?: string;
  /** More agent settings (the boot test: a private adb server, no USB). */
  agent?: Partial<Omit<AgentOptions, 'dataDir' | 'createBrowserHost'>>;
  createAutoUpdater?: () => AutoUpdaterLike | undefined;
}

export interface MainProcess {
  /** The agent while it runs. */
  agent(): RunningAgent | undefined;
  /** The current start attempt: 'running', or 'failed' with the failure page shown. */
  settled(): Promise<'running' | 'failed'>;
  readonly tray: TrayController;
  readonly windows: ShellWindows;
}

export async function runMain(options: MainOptions = {}): Promise<MainProcess | undefined> {
  const dataDir = options.dataDir ?? appDataDir({ packaged: app.isPackaged });
  app.setPath('userData', electronUserData(app.getPath('appData'), dataDir));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return undefined;
  }
  await app.whenReady();
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  // The system's language until the agent's settings say the person chose one.
  let words = wordsFor(app.getLocale());
  installPermissionHandlers(session.fromPartition(UI_PARTITION), new PermissionGate());
  installPermissionHandlers(
    session.fromPartition(TABS_PARTITION),
    new PermissionGate(confirmInDialog(words)),
  );

  let agent: RunningAgent | undefined;
  let unwire: (() => void) | undefined;
  let attempt: Promise<'running' | 'failed'> = Promise.resolve('failed');
  const windows = new ShellWindows(() => {
    attempt = start();
  });
  const open = () => windows.open();
  const notifier = new Notifier(electronNotification());
  const launchAtLogin = new LaunchAtLogin(app);
  const updater = new UpdateChecker((options.createAutoUpdater ?? electronAutoUpdater)(), {
    onState: (update) => tray.update({ update }),
    onReady: (version) =>
      notifier.notify(
        `update:${version}`,
        { title: words.notify.updateTitle, body: words.notify.updateBody(version) },
        { onClick: () => updater.restartToUpdate() },
      ),
  });
  const tray = new TrayController(
    electronTrayFactory,
    words,
    {
      open,
      setPaused: (paused) => {
        if (!agent) return;
        if (paused) agent.control.pause();
        else agent.control.resume();
        tray.update({ paused: agent.control.status().paused });
      },
      setLaunchAtLogin: (on) => tray.update({ launchAtLogin: launchAtLogin.set(on) }),
      checkForUpdates: () => void updater.check(),
      restartToUpdate: () => updater.restartToUpdate(),
      quit: () => app.quit(),
      setLanguage: (language) => agent?.control.settings.update({ language }),
      reopen: (serial) => void agent?.control.phones?.reopen(serial).catch(() => open()),
      showInbox: open,
      openInboxItem: (item) => void agent?.control.inbox?.open(item.id).catch(() => open()),
    },
    { phones: [], paused: false, launchAtLogin: launchAtLogin.isOn(), update: 'idle' },
  );

  const start = async (): Promise<'running' | 'failed'> => {
    try {
      agent = await startAgent({
        // The adb the installer ships, preferred over every other (none when run from source).
        bundledAdbDir: bundledAdbDir(app.isPackaged, process.resourcesPath),
        fileOpener: electronFileOpener(),
        ...options.agent,
        dataDir,
        createBrowserHost: async () =>
          new ElectronHost(windows.browserWindow(), {
            tabPreloadPath: bundledPath('tab-preload.cjs'),
          }),
      });
    } catch (error) {
      console.error('tandem: the agent did not start:', error);
      windows.showFailure(startupFailureUrl(words, describeStartupFailure(error)));
      return 'failed';
    }
    const running = agent;
    const useLanguage = (language: Locale | undefined) => {
      words = wordsFor(language ?? app.getLocale());
      tray.setWords(words);
      tray.update({ language });
    };
    useLanguage(running.control.settings.get().language);
    const stopLanguage = running.control.settings.onChange((settings) =>
      useLanguage(settings.language),
    );
    const unwireAgent = wireAgent(running, {
      tray,
      notifier,
      // Read at each notice: a language chosen later is used from then on.
      get words() {
        return words;
      },
      open,
      showFile: (path) => shell.showItemInFolder(path),
    });
    unwire = () => {
      stopLanguage();
      unwireAgent();
    };
    // The browser window's toolbar is the desktop UI's browser bar: address, back/forward, tabs.
    const host = running.browser?.host;
    if (host instanceof ElectronHost) host.showToolbar(`${running.uiUrl}&view=toolbar`);
    windows.showAgent(running.uiUrl);
    return 'running';
  };

  app.on('second-instance', open);
  app.on('activate', open); // macOS: a click on the dock icon
  app.on('window-all-closed', () => {
    // Stay in the tray: Tandem keeps watching for phones with no window open.
  });
  let stopping = false;
  app.on('before-quit', (event) => {
    windows.allowClose();
    if (stopping) return;
    stopping = true;
    event.preventDefault();
    updater.stop();
    unwire?.();
    // Then quit for real (not app.exit): electron-updater installs a ready update on 'quit'.
    void (agent?.stop() ?? Promise.resolve()).finally(() => app.quit());
  });

  attempt = start();
  updater.start();
  return { agent: () => agent, settled: () => attempt, tray, windows };
}

/** Inbox files opened with their application and shown in their folder, as the system does it. */
function electronFileOpener(): FileOpener {
  return {
    openPath: async (path) => {
      const failure = await shell.openPath(path);
      if (failure) throw new Error(failure);
    },
    showInFolder: async (path) => shell.showItemInFolder(path),
  };
}

function confirmInDialog(words: Words): ConfirmPermission {
  return async (origin, permission) => {
    const { response } = await dialog.showMessageBox({
      type: 'question',
      message: words.permission.ask(origin, permission),
      detail: words.permission.detail,
      buttons: [words.permission.allow, words.permission.deny],
      defaultId: 1,
      cancelId: 1,
    });
    return response === 0;
  };
}
