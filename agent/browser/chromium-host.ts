// The browser session in the system Chromium, driven by playwright-core with a persistent profile
// in the data folder: headed for a person (headless agent mode), headless in tests.
import { mkdirSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { BrowserError, BrowserErrorCode } from './browser-error.js';
import type {
  BrowserHost,
  BrowserHostEvent,
  BrowserHostListener,
  PageChannelHandler,
  TabInfo,
} from './browser-host.js';
import { findChromium } from './find-chromium.js';
import {
  asTabDetails,
  pageDetailsExpression,
  TAB_DETAILS_CHANNEL,
  tabDetailsObserverScript,
} from './tab-details.js';
import { checkTabUrl } from './tab-url.js';

export interface ChromiumHostOptions {
  /** The persistent profile folder (e.g. `<data>/browser-profile`). */
  profileDir: string;
  headless?: boolean;
  executablePath?: string;
  viewport?: { width: number; height: number };
}

/** The Chromium host also hands out its Playwright pages (tests, the benchmark's CDP sessions). */
export interface ChromiumBrowserHost extends BrowserHost {
  pageOf(tabId: string): Page;
}

export async function launchChromiumHost(
  options: ChromiumHostOptions,
): Promise<ChromiumBrowserHost> {
  mkdirSync(options.profileDir, { recursive: true, mode: 0o700 });
  const needsNoSandbox = process.getuid?.() === 0 || Boolean(process.env.CI);
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(options.profileDir, {
      executablePath: options.executablePath ?? findChromium(),
      headless: options.headless ?? false,
      viewport: options.viewport ?? { width: 1280, height: 800 },
      args: [
        ...(needsNoSandbox ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  } catch (error) {
    if (error instanceof BrowserError) throw error;
    throw new BrowserError(BrowserErrorCode.BrowserUnavailable, 'Chromium could not start', {
      cause: error,
    });
  }
  const host = new ChromiumHost(context);
  await host.watchDetails();
  return host;
}

class ChromiumHost implements ChromiumBrowserHost {
  readonly kind = 'chromium';
  private readonly pages = new Map<string, Page>();
  private readonly info = new Map<string, TabInfo>();
  private readonly listeners = new Set<BrowserHostListener>();
  private active: string | undefined;
  private nextId = 1;

  constructor(private readonly context: BrowserContext) {
    for (const page of context.pages()) this.adopt(page);
    context.on('page', (page) => this.adopt(page));
  }

  /** Title and icon changes after load reach the tab list: the page reports them itself. */
  async watchDetails(): Promise<void> {
    await this.context.exposeBinding(TAB_DETAILS_CHANNEL, (source, payload: unknown) => {
      if (source.frame !== source.page.mainFrame()) return;
      const id = this.idOf(source.page);
      const details = asTabDetails(payload);
      if (id && details) this.patchDetails(id, details);
    });
    await this.context.addInitScript({ content: tabDetailsObserverScript });
    await Promise.all(
      [...this.pages.values()].map((page) =>
        page.evaluate(tabDetailsObserverScript).catch(() => undefined),
      ),
    );
  }

  tabs(): TabInfo[] {
    return [...this.info.values()].map((tab) => ({ ...tab, active: tab.id === this.active }));
  }

  activeTabId(): string | undefined {
    return this.active;
  }

  async open(url: string, options: { activate?: boolean } = {}): Promise<TabInfo> {
    checkTabUrl(url);
    const page = await this.context.newPage();
    const id = this.adopt(page);
    if (options.activate ?? true) await this.activate(id);
    await page.goto(url);
    return this.tabInfo(id);
  }

  async close(tabId: string): Promise<void> {
    await this.page(tabId).close();
  }

  async activate(tabId: string): Promise<void> {
    await this.page(tabId).bringToFront();
    this.setActive(tabId);
  }

  async navigate(tabId: string, url: string): Promise<void> {
    checkTabUrl(url);
    await this.page(tabId).goto(url);
  }

  async back(tabId: string): Promise<void> {
    await this.page(tabId).goBack();
  }

  async forward(tabId: string): Promise<void> {
    await this.page(tabId).goForward();
  }

  async reload(tabId: string): Promise<void> {
    await this.page(tabId).reload();
  }

  async evaluate<T = unknown>(tabId: string, expression: string): Promise<T> {
    return (await this.page(tabId).evaluate(expression)) as T;
  }

  async addPageScript(source: string): Promise<void> {
    const topOnly = `if (window === window.top) {\n${source}\n}`;
    await this.context.addInitScript({ content: topOnly });
    // Pages already open missed the init script: run it there now.
    await Promise.all(
      [...this.pages.values()].map((page) => page.evaluate(topOnly).catch(() => undefined)),
    );
  }

  async exposeChannel(name: string, handler: PageChannelHandler): Promise<void> {
    await this.context.exposeBinding(name, (source, payload: unknown) => {
      if (source.frame !== source.page.mainFrame()) return;
      const id = this.idOf(source.page);
      if (id) handler(id, payload);
    });
  }

  async clickAt(tabId: string, x: number, y: number): Promise<void> {
    await this.page(tabId).mouse.click(x, y);
  }

  async insertText(tabId: string, text: string): Promise<void> {
    await this.page(tabId).keyboard.insertText(text);
  }

  on(listener: BrowserHostListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async shutdown(): Promise<void> {
    await this.context.close();
  }

  pageOf(tabId: string): Page {
    return this.page(tabId);
  }

  private adopt(page: Page): string {
    const existing = this.idOf(page);
    if (existing) return existing;
    const id = `tab-${this.nextId++}`;
    this.pages.set(id, page);
    this.info.set(id, { id, url: page.url(), title: '', favicon: '', active: false });
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame()) return;
      this.patch(id, { url: frame.url() });
      this.emit({ type: 'navigated', tabId: id, url: frame.url() });
    });
    page.on('domcontentloaded', () => void this.refreshDetails(id, page));
    page.on('load', () => void this.refreshDetails(id, page));
    page.on('close', () => this.forget(id));
    this.emit({ type: 'tab.opened', tab: this.tabInfo(id) });
    if (!this.active) this.setActive(id);
    return id;
  }

  private async refreshDetails(id: string, page: Page): Promise<void> {
    try {
      const details = asTabDetails(await page.evaluate(pageDetailsExpression));
      if (details) this.patchDetails(id, details);
    } catch {
      // The page navigated again or closed meanwhile; the next load refreshes it.
    }
  }

  /** Only a real change is news for the phones' tab lists. */
  private patchDetails(id: string, details: { title: string; favicon: string }): void {
    const tab = this.info.get(id);
    if (!tab || (tab.title === details.title && tab.favicon === details.favicon)) return;
    this.patch(id, details);
  }

  private patch(id: string, change: Partial<TabInfo>): void {
    const tab = this.info.get(id);
    if (!tab) return;
    Object.assign(tab, change);
    this.emit({ type: 'tab.updated', tab: this.tabInfo(id) });
  }

  private forget(id: string): void {
    this.pages.delete(id);
    this.info.delete(id);
    this.emit({ type: 'tab.closed', tabId: id });
    if (this.active === id) {
      const next = [...this.pages.keys()].at(-1);
      this.active = undefined;
      if (next) this.setActive(next);
    }
  }

  private setActive(id: string): void {
    if (this.active === id) return;
    this.active = id;
    this.emit({ type: 'tab.activated', tabId: id });
  }

  private tabInfo(id: string): TabInfo {
    const tab = this.info.get(id);
    if (!tab) throw new BrowserError(BrowserErrorCode.TabNotFound, `no tab ${id}`);
    return { ...tab, active: id === this.active };
  }

  private page(id: string): Page {
    const page = this.pages.get(id);
    if (!page) throw new BrowserError(BrowserErrorCode.TabNotFound, `no tab ${id}`);
    return page;
  }

  private idOf(page: Page): string | undefined {
    for (const [id, candidate] of this.pages) if (candidate === page) return id;
    return undefined;
  }

  private emit(event: BrowserHostEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
