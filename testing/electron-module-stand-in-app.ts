// Part of the STAND-IN for the `electron` module (testing/electron-module-stand-in.ts): the app
// object and the modules the main process only calls (ipc, dialog, shell). Not Electron.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An event whose default a listener may prevent, as Electron's. */
export interface StandInEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function standInEvent(): StandInEvent {
  const event = {
    defaultPrevented: false,
    preventDefault: () => {
      event.defaultPrevented = true;
    },
  };
  return event;
}

class StandInApp extends EventEmitter {
  isPackaged = false;
  readonly paths = new Map<string, string>();
  readonly loginItemWrites: unknown[] = [];
  appUserModelId: string | undefined;
  exitCode: number | undefined;
  private openAtLogin = false;
  requestSingleInstanceLock(): boolean {
    return true;
  }
  async whenReady(): Promise<void> {}
  getLocale(): string {
    return 'en-US';
  }
  getPath(name: string): string {
    let path = this.paths.get(name);
    if (!path) this.paths.set(name, (path = mkdtempSync(join(tmpdir(), `stand-in-${name}-`))));
    return path;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
  getLoginItemSettings() {
    return { openAtLogin: this.openAtLogin };
  }
  setLoginItemSettings(settings: { openAtLogin: boolean }): void {
    this.loginItemWrites.push(settings);
    this.openAtLogin = settings.openAtLogin;
  }
  /** As Electron: 'before-quit' (a listener may prevent it), else 'will-quit', 'quit' and exit. */
  quit(): void {
    const event = standInEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    this.emit('will-quit', standInEvent());
    this.emit('quit', standInEvent(), 0);
    this.exit(0);
  }
  exit(code = 0): void {
    this.exitCode = code;
    this.emit('stand-in-exit', code);
  }
}

export const app = new StandInApp();
export const ipcMain = new EventEmitter();
export const ipcRenderer = {
  send: () => undefined,
  sendSync: () => ({ scripts: [], channels: [] }),
};
export const contextBridge = { exposeInMainWorld: () => undefined };
export const webFrame = { executeJavaScript: async () => undefined };
export const dialog = {
  asked: [] as unknown[],
  async showMessageBox(options: unknown) {
    dialog.asked.push(options);
    return { response: 1 };
  },
};
export const shell = {
  opened: [] as string[],
  async openExternal(url: string) {
    shell.opened.push(url);
  },
  showItemInFolder(path: string) {
    shell.opened.push(path);
  },
};
