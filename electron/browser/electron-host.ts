// The browser session inside the Electron window: one WebContentsView per tab, the active one
// shown below the window's own toolbar. Implements the same BrowserHost as the Chromium host.
import { WebContentsView, type BaseWindow, type WebContents } from 'electron';
import { BrowserError, BrowserErrorCode } from '../../agent/browser/browser-error.js';
import type {
  BrowserHost,
  BrowserHostEvent,
  BrowserHostListener,
  PageChannelHandler,
  TabInfo,
} from '../../agent/browser/browser-host.js';
import { checkTabUrl } from '../../agent/browser/tab-url.js';
import { TABS_PARTITION, UI_PARTITION } from '../security/partitions.js';
import { serveTabs } from './tab-channels.js';

export interface ElectronHostOptions {
  /** The compiled tab-preload.js. */
  tabPreloadPath: string;
  /** Pixels at the top of the window kept for Tandem's toolbar (browser bar and tab strip). */
  toolbarHeight?: number;
}

const DEFAULT_TOOLBAR_HEIGHT = 96;

interface Tab {
  view: WebContentsView;
  info: TabInfo;
}

export class ElectronHost implements BrowserHost {
  readonly kind = 'electron';
  private readonly tabsById = new Map<string, Tab>();
  private readonly listeners = new Set<BrowserHostListener>();
  private readonly channels = new Map<string, PageChannelHandler>();
  private readonly scripts: string[] = [];
  private active: string | undefined;
  private nextId = 1;
  private readonly stopServing: () => void;
  private toolbar: WebContentsView | undefined;

  constructor(
    private readonly window: BaseWindow,
    private readonly options: ElectronHostOptions,
  ) {
    this.stopServing = serveTabs(
      (sender) => this.idOf(sender),
      () => ({ scripts: this.scripts, channels: [...this.channels.keys()] }),
      (tabId, channel, payload) => this.channels.get(channel)?.(tabId, payload),
    );
    window.on('resize', () => this.layout());
  }

  /**
   * Shows Tandem's toolbar — the desktop UI's browser bar (`?view=toolbar`), served by the agent's
   * control API — above the tabs. Locked down like every Tandem window: it stays on its origin.
   */
  showToolbar(url: string): void {
    const origin = new URL(url).origin;
    const view = new WebContentsView({
      webPreferences: {
        partition: UI_PARTITION,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
      },
    });
    view.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    view.webContents.on('will-navigate', (event, target) => {
      if (new URL(target).origin !== origin) event.preventDefault();
    });
    this.window.contentView.addChildView(view);
    this.toolbar = view;
    this.layout();
    void view.webContents.loadURL(url);
  }

  tabs(): TabInfo[] {
    return [...this.tabsById.values()].map(({ info }) => ({
      ...info,
      active: info.id === this.active,
    }));
  }

  activeTabId(): string | undefined {
    return this.active;
  }

  async open(url: string, options: { activate?: boolean } = {}): Promise<TabInfo> {
    checkTabUrl(url);
    const view = new WebContentsView({
      webPreferences: {
        // The open web in its own session, apart from Tandem's UI.
        partition: TABS_PARTITION,
        preload: this.options.tabPreloadPath,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      },
    });
    const id = `tab-${this.nextId++}`;
    const tab: Tab = { view, info: { id, url, title: '', favicon: '', active: false } };
    this.tabsById.set(id, tab);
    this.watch(id, view.webContents);
    view.setVisible(false);
    this.window.contentView.addChildView(view);
    this.emit({ type: 'tab.opened', tab: { ...tab.info } });
    if ((options.activate ?? true) || !this.active) await this.activate(id);
    await view.webContents.loadURL(url);
    return { ...tab.info, active: id === this.active };
  }

  async close(tabId: string): Promise<void> {
    const { view } = this.tab(tabId);
    this.window.contentView.removeChildView(view);
    view.webContents.close();
    this.tabsById.delete(tabId);
    this.emit({ type: 'tab.closed', tabId });
    if (this.active === tabId) {
      this.active = undefined;
      const next = [...this.tabsById.keys()].at(-1);
      if (next) await this.activate(next);
    }
  }

  async activate(tabId: string): Promise<void> {
    this.tab(tabId);
    this.active = tabId;
    for (const [id, { view }] of this.tabsById) view.setVisible(id === tabId);
    this.layout();
    this.emit({ type: 'tab.activated', tabId });
  }

  async navigate(tabId: string, url: string): Promise<void> {
    checkTabUrl(url);
    await this.tab(tabId).view.webContents.loadURL(url);
  }

  async back(tabId: string): Promise<void> {
    const history = this.tab(tabId).view.webContents.navigationHistory;
    if (history.canGoBack()) history.goBack();
  }

  async forward(tabId: string): Promise<void> {
    const history = this.tab(tabId).view.webContents.navigationHistory;
    if (history.canGoForward()) history.goForward();
  }

  async reload(tabId: string): Promise<void> {
    this.tab(tabId).view.webContents.reload();
  }

  async evaluate<T = unknown>(tabId: string, expression: string): Promise<T> {
    return (await this.tab(tabId).view.webContents.executeJavaScript(expression)) as T;
  }

  async addPageScript(source: string): Promise<void> {
    this.scripts.push(source);
    // Pages already open missed the preload's run: give it to them now.
    await Promise.all(
      [...this.tabsById.values()].map(({ view }) =>
        view.webContents.executeJavaScript(source).catch(() => undefined),
      ),
    );
  }

  async exposeChannel(name: string, handler: PageChannelHandler): Promise<void> {
    // Takes effect from each tab's next page load (the preload exposes it).
    this.channels.set(name, handler);
  }

  async clickAt(tabId: string, x: number, y: number): Promise<void> {
    const contents = this.tab(tabId).view.webContents;
    const at = { x: Math.round(x), y: Math.round(y), button: 'left' as const, clickCount: 1 };
    contents.sendInputEvent({ type: 'mouseDown', ...at });
    contents.sendInputEvent({ type: 'mouseUp', ...at });
  }

  async insertText(tabId: string, text: string): Promise<void> {
    await this.tab(tabId).view.webContents.insertText(text);
  }

  on(listener: BrowserHostListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async shutdown(): Promise<void> {
    for (const id of [...this.tabsById.keys()]) await this.close(id);
    if (this.toolbar) {
      this.window.contentView.removeChildView(this.toolbar);
      this.toolbar.webContents.close();
    }
    this.stopServing();
  }

  private watch(id: string, contents: WebContents): void {
    const patch = (change: Partial<TabInfo>): void => {
      const tab = this.tabsById.get(id);
      if (!tab) return;
      Object.assign(tab.info, change);
      this.emit({ type: 'tab.updated', tab: { ...tab.info, active: id === this.active } });
    };
    contents.on('did-navigate', (_event, url) => {
      patch({ url, favicon: '' });
      this.emit({ type: 'navigated', tabId: id, url });
    });
    contents.on('did-navigate-in-page', (_event, url, isMainFrame) => {
      if (isMainFrame) patch({ url });
    });
    contents.on('page-title-updated', (_event, title) => patch({ title }));
    contents.on('page-favicon-updated', (_event, favicons) =>
      patch({ favicon: favicons[0] ?? '' }),
    );
    // The session's tabs never open windows or leave for other schemes on their own.
    contents.setWindowOpenHandler(({ url }) => {
      if (/^https?:/i.test(url)) void this.open(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!/^https?:/i.test(url)) event.preventDefault();
    });
  }

  private layout(): void {
    const top = this.options.toolbarHeight ?? DEFAULT_TOOLBAR_HEIGHT;
    const { width, height } = this.window.getContentBounds();
    this.toolbar?.setBounds({ x: 0, y: 0, width, height: top });
    for (const { view } of this.tabsById.values()) {
      view.setBounds({ x: 0, y: top, width, height: Math.max(0, height - top) });
    }
  }

  private tab(id: string): Tab {
    const tab = this.tabsById.get(id);
    if (!tab) throw new BrowserError(BrowserErrorCode.TabNotFound, `no tab ${id}`);
    return tab;
  }

  private idOf(contents: WebContents): string | undefined {
    for (const [id, { view }] of this.tabsById) if (view.webContents === contents) return id;
    return undefined;
  }

  private emit(event: BrowserHostEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
