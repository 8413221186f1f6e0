// The simulated phone's browser: the system Chromium with mobile emulation, resolving `localhost`
// to the sim's reverse address (127.0.0.2) so the session page really travels over `adb reverse`.
// It opens every URL the sim's `am start` hands it, as a phone's browser would.
import { devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchTestChromium } from './chromium.js';
import type { AmStartIntent, PhoneSim } from '../phone-sim/index.js';

export interface PhoneBrowser {
  readonly pages: Page[];
  /** Opens a URL as the person would by scanning a QR code (no adb involved). */
  open(url: string): Promise<Page>;
  /** Resolves with the page opened for the next `am start` intent. */
  nextPage(timeoutMs?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function startPhoneBrowser(
  sim: PhoneSim,
  reverseHost = '127.0.0.2',
  /** The phone's language, as its browser tells pages (navigator.languages). */
  locale = 'en-US',
): Promise<PhoneBrowser> {
  const browser: Browser = await launchTestChromium({
    extraArgs: [`--host-resolver-rules=MAP localhost ${reverseHost}`],
  });
  const context: BrowserContext = await browser.newContext({
    ...devices['Pixel 7'],
    locale,
  });
  const pages: Page[] = [];
  const waiters: ((page: Page) => void)[] = [];
  // A model of Chrome on Android: an intent that names its app (the extra
  // com.android.browser.application_id) reuses the tab that app opened while it is still open.
  const tabsByApp = new Map<string, Page>();
  const onIntent = (intent: AmStartIntent): void => {
    if (intent.action !== 'android.intent.action.VIEW' || !intent.data) return;
    const app = appIdOf(intent.argv);
    const reused = app ? tabsByApp.get(app) : undefined;
    const tab = reused && !reused.isClosed() ? Promise.resolve(reused) : context.newPage();
    void tab.then(async (page) => {
      if (page !== reused) pages.push(page);
      if (app) tabsByApp.set(app, page);
      await page.goto(intent.data as string).catch(() => undefined);
      waiters.shift()?.(page);
    });
  };
  sim.on('am-start', onIntent);
  return {
    pages,
    open: async (url) => {
      const page = await context.newPage();
      pages.push(page);
      await page.goto(url);
      return page;
    },
    nextPage: (timeoutMs = 15_000) =>
      new Promise<Page>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error('no am start intent reached the phone')),
          timeoutMs,
        );
        waiters.push((page) => {
          clearTimeout(timer);
          resolve(page);
        });
      }),
    close: async () => {
      sim.off('am-start', onIntent);
      await browser.close();
    },
  };
}

/** The app an intent names for the browser to reuse its tab (`--es com.android.browser.application_id X`). */
function appIdOf(argv: readonly string[]): string | undefined {
  const at = argv.findIndex(
    (arg, index) =>
      arg === 'com.android.browser.application_id' &&
      (argv[index - 1] === '--es' || argv[index - 1] === '-e'),
  );
  return at >= 0 ? argv[at + 1] : undefined;
}
