// One desktop browser session, whatever hosts it: Chromium through playwright-core (headless mode,
// tests) or Electron's WebContentsView tabs. The mirror and the phone's operations use only this.

export interface TabInfo {
  id: string;
  url: string;
  title: string;
  /** An absolute URL of the page's icon, or '' when the page names none. */
  favicon: string;
  active: boolean;
}

export type BrowserHostEvent =
  | { type: 'tab.opened'; tab: TabInfo }
  | { type: 'tab.closed'; tabId: string }
  | { type: 'tab.activated'; tabId: string }
  | { type: 'tab.updated'; tab: TabInfo }
  /** A main-frame navigation committed: the mirror takes a fresh full snapshot. */
  | { type: 'navigated'; tabId: string; url: string };

export type BrowserHostListener = (event: BrowserHostEvent) => void;

/** Called with the tab the page runs in and the value the page passed (JSON-serialisable). */
export type PageChannelHandler = (tabId: string, payload: unknown) => void;

export interface BrowserHost {
  readonly kind: 'chromium' | 'electron';
  tabs(): TabInfo[];
  activeTabId(): string | undefined;
  open(url: string, options?: { activate?: boolean }): Promise<TabInfo>;
  close(tabId: string): Promise<void>;
  activate(tabId: string): Promise<void>;
  navigate(tabId: string, url: string): Promise<void>;
  back(tabId: string): Promise<void>;
  forward(tabId: string): Promise<void>;
  reload(tabId: string): Promise<void>;

  /** Evaluates a JavaScript expression in the tab's top frame; the result must be JSON-serialisable. */
  evaluate<T = unknown>(tabId: string, expression: string): Promise<T>;
  /** Runs `source` in the top frame of every page of the session before the page's own scripts. */
  addPageScript(source: string): Promise<void>;
  /** Makes `window[name](payload)` in every page deliver `payload` to `handler`. */
  exposeChannel(name: string, handler: PageChannelHandler): Promise<void>;

  /** A trusted click at viewport coordinates (CSS pixels) of the tab. */
  clickAt(tabId: string, x: number, y: number): Promise<void>;
  /** Types text into the focused element as trusted input. */
  insertText(tabId: string, text: string): Promise<void>;

  on(listener: BrowserHostListener): () => void;
  /** Closes every tab and the browser itself. */
  shutdown(): Promise<void>;
}
