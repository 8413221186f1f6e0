// Test and benchmark support: a phone browser (headless Chromium, mobile emulation) with the
// replayer bundle mounted, recording what the phone asked of the PC into `window.phoneCalls`.
import type { Browser, Page } from 'playwright-core';
import type { eventWithTime } from '@rrweb/types';
import { launchTestChromium } from './chromium.js';
import { replayerBundle } from '../mirror/replayer/build-replayer.js';

export interface PhoneCall {
  kind: 'tap' | 'type' | 'scroll' | 'showTab' | 'openOnPhone';
  args: unknown[];
}

export interface TestPhone {
  browser: Browser;
  page: Page;
  addEvents(events: readonly eventWithTime[]): Promise<void>;
  calls(): Promise<PhoneCall[]>;
  /** The replayed document's body text. */
  text(): Promise<string>;
  close(): Promise<void>;
}

const PHONE_PAGE = `<!doctype html><html><head>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0}</style></head><body><div id="mirror"></div></body></html>`;

/** `mode`: the mirror's layout, fitted to the phone (the default) or the PC's ('pc'). */
export async function launchTestPhone(options: { mode?: 'fit' | 'pc' } = {}): Promise<TestPhone> {
  const browser = await launchTestChromium();
  const context = await browser.newContext({
    viewport: { width: 393, height: 851 },
    deviceScaleFactor: 2.75,
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  await page.setContent(PHONE_PAGE);
  await page.addScriptTag({ content: await replayerBundle() });
  await page.evaluate(`(() => {
    window.phoneCalls = [];
    const record = (kind) => (...args) => window.phoneCalls.push({ kind, args });
    window.view = TandemMirror.mountMirror(document.getElementById('mirror'), {
      tap: record('tap'), type: record('type'), scroll: record('scroll'),
      showTab: record('showTab'), openOnPhone: record('openOnPhone'),
    }, { mode: ${JSON.stringify(options.mode ?? 'fit')} });
  })()`);
  return {
    browser,
    page,
    addEvents: async (events) => {
      await page.evaluate(`window.view.addEvents(${JSON.stringify(events)})`);
    },
    calls: () => page.evaluate(() => (window as unknown as { phoneCalls: PhoneCall[] }).phoneCalls),
    text: () =>
      page.evaluate(() => {
        const frame = document.querySelector('#mirror iframe') as HTMLIFrameElement | null;
        return frame?.contentDocument?.body?.textContent ?? '';
      }),
    close: () => browser.close(),
  };
}
