// A STAND-IN for the `electron` module, for tests that run the real main-process wiring under
// plain Node (the Electron binary cannot be downloaded on the build machines). It is not Electron:
// it records what the main process asks of Electron (windows, views, tray menus, notifications,
// sessions' handlers, IPC listeners) and lets a test act as Electron would (close a window, send
// IPC, click the tray). `installElectronStandIn()` maps the `electron` specifier to this file
// with a module-resolution hook, so `import … from 'electron'` anywhere gets this module.
import { EventEmitter } from 'node:events';
import { register } from 'node:module';
import {
  app,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  shell,
  standInEvent,
  webFrame,
} from './electron-module-stand-in-app.js';

export * from './electron-module-stand-in-app.js';

/** Routes `electron` to this stand-in; call before importing the code under test. */
export function installElectronStandIn(): void {
  const standIn = new URL(import.meta.url).href;
  const hooks =
    'export async function resolve(specifier, context, next) {' +
    ` if (specifier === 'electron') return { url: ${JSON.stringify(standIn)}, shortCircuit: true };` +
    ' return next(specifier, context); }';
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}

let nextProcessId = 1;

export class StandInWebContents extends EventEmitter {
  readonly loaded: string[] = [];
  readonly mainFrame: { processId: number; routingId: number; url: string };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  closed = false;
  readonly navigationHistory = {
    canGoBack: () => false,
    canGoForward: () => false,
    goBack: () => undefined,
    goForward: () => undefined,
  };

  constructor() {
    super();
    this.mainFrame = { processId: nextProcessId++, routingId: 1, url: '' };
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    this.mainFrame.url = url;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  async executeJavaScript(): Promise<unknown> {
    return undefined;
  }
  reload(): void {}
  close(): void {
    this.closed = true;
  }
  sendInputEvent(): void {}
  async insertText(): Promise<void> {}
  /** A navigation the page starts: true when a will-navigate listener prevented it. */
  navigate(url: string): boolean {
    const event = standInEvent();
    this.emit('will-navigate', event, url);
    return event.defaultPrevented;
  }
}

class StandInWindowBase extends EventEmitter {
  visible = false;
  destroyed = false;
  readonly options: Record<string, unknown>;
  constructor(options: Record<string, unknown> = {}) {
    super();
    this.options = options;
    this.visible = options.show === true;
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {}
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
  }
  /** The person closes the window: a 'close' listener may prevent it. */
  close(): void {
    const event = standInEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  getContentBounds() {
    return { x: 0, y: 0, width: 1280, height: 860 };
  }
}

export class BaseWindow extends StandInWindowBase {
  readonly views: WebContentsView[] = [];
  readonly contentView = {
    addChildView: (view: WebContentsView) => this.views.push(view),
    removeChildView: (view: WebContentsView) => {
      const at = this.views.indexOf(view);
      if (at >= 0) this.views.splice(at, 1);
    },
  };
  constructor(options?: Record<string, unknown>) {
    super(options);
    recorded.baseWindows.push(this);
  }
}

export class BrowserWindow extends StandInWindowBase {
  readonly webContents = new StandInWebContents();
  constructor(options?: Record<string, unknown>) {
    super(options);
    recorded.browserWindows.push(this);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
}

export class WebContentsView {
  readonly webContents = new StandInWebContents();
  bounds: unknown;
  visible = true;
  constructor(readonly options: { webPreferences?: Record<string, unknown> } = {}) {
    recorded.views.push(this);
  }
  setBounds(bounds: unknown): void {
    this.bounds = bounds;
  }
  setVisible(visible: boolean): void {
    this.visible = visible;
  }
}

export class Tray extends EventEmitter {
  readonly menus: { template: { label?: string }[] }[] = [];
  toolTip = '';
  destroyed = false;
  constructor(readonly image: unknown) {
    super();
    recorded.trays.push(this);
  }
  setToolTip(text: string): void {
    this.toolTip = text;
  }
  setContextMenu(menu: { template: { label?: string }[] }): void {
    this.menus.push(menu);
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** The labels of the menu shown now. */
  labels(): string[] {
    return (this.menus.at(-1)?.template ?? []).map((item) => item.label ?? '-');
  }
  /** The item of the menu shown now with that label (its submenu and click as given). */
  item(label: string): MenuItemStandIn {
    const found = (this.menus.at(-1)?.template ?? []).find((entry) => entry.label === label);
    if (!found) throw new Error(`the tray menu has no "${label}": ${this.labels().join(', ')}`);
    return found as MenuItemStandIn;
  }
}

export interface MenuItemStandIn {
  label?: string;
  click?: () => void;
  submenu?: MenuItemStandIn[];
}

export const Menu = {
  buildFromTemplate: (template: { label?: string }[]) => ({ template }),
};

export const nativeImage = {
  createFromPath: (path: string) => ({ path, template: false, setTemplateImage() {} }),
  createEmpty: () => ({ path: '' }),
};

export class Notification extends EventEmitter {
  static isSupported(): boolean {
    return true;
  }
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
    recorded.notifications.push(this);
  }
  show(): void {
    this.shown = true;
  }
}

class StandInSession {
  requestHandler: unknown;
  checkHandler: unknown;
  constructor(readonly partition: string) {}
  setPermissionRequestHandler(handler: unknown): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: unknown): void {
    this.checkHandler = handler;
  }
}

export const session = {
  fromPartition(partition: string): StandInSession {
    let found = recorded.sessions.get(partition);
    if (!found) recorded.sessions.set(partition, (found = new StandInSession(partition)));
    return found;
  },
};

/** What the code under test made, in order. */
export const recorded = {
  baseWindows: [] as BaseWindow[],
  browserWindows: [] as BrowserWindow[],
  views: [] as WebContentsView[],
  trays: [] as Tray[],
  notifications: [] as Notification[],
  sessions: new Map<string, StandInSession>(),
};

export default {
  app,
  BaseWindow,
  BrowserWindow,
  WebContentsView,
  Tray,
  Menu,
  nativeImage,
  Notification,
  session,
  ipcMain,
  ipcRenderer,
  contextBridge,
  webFrame,
  dialog,
  shell,
};
