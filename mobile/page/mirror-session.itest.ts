// The whole mirror path as it runs for a person: the agent's real PhoneSession (recorder in a
// headless Chromium PC, batching, gzip parts) → the real relay → the phone page in Chromium with
// Pixel 7 emulation, which replays it and sends the person's typing back.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { chromium, devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AssetProxy } from '../../agent/browser/asset-proxy.js';
import { fixturePages, startFixtureSite, type FixtureSite } from '../../agent/browser/test-kit.js';
import { startBrowserRuntime, type BrowserRuntime } from '../../agent/session/browser-runtime.js';
import { PhoneSession } from '../../agent/session/phone-session.js';
import { benchPages } from '../../bench/mirror/fixtures.js';
import { startRelayServer, until, type RelayServer } from '../../server/relay/relay-test-kit.js';

/** Over the cap this test sets (6 MB), where the 10,000-row table (about 4 MB) is under it. */
const HUGE_PAGE = `<!doctype html><title>Huge</title><body><p id="blob">${'x'.repeat(7_000_000)}</p></body>`;

describe('PhoneSession → relay → phone page', () => {
  let server: RelayServer;
  let site: FixtureSite;
  let dataDir: string;
  let runtime: BrowserRuntime;
  let session: PhoneSession;
  let phoneBrowser: Browser;
  let context: BrowserContext;
  let page: Page;

  /** Waits until each element (by id) of the phone's replayed document has its text. */
  const untilReplayed = async (texts: Record<string, string>, timeout = 30_000) => {
    await page.waitForFunction(
      (wanted) => {
        const doc = document.querySelector<HTMLIFrameElement>('#mirror iframe')?.contentDocument;
        return Object.entries(wanted).every(
          ([id, text]) => doc?.getElementById(id)?.textContent === text,
        );
      },
      texts,
      { timeout, polling: 50 },
    );
  };
  const relayed = (type: string) =>
    server.logs.filter((line) => line.includes(`"type":"${type}"`)).length;

  before(async () => {
    server = await startRelayServer();
    site = await startFixtureSite({
      ...fixturePages,
      '/table.html': benchPages['/table.html'] as string,
      '/huge.html': HUGE_PAGE,
    });
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-mirror-session-'));
    runtime = await startBrowserRuntime({ dataDir, mode: 'headless', assets: new AssetProxy() });
    session = new PhoneSession({
      adb: undefined,
      serial: 'mirror-itest',
      serverUrl: server.base,
      reversePort: undefined,
      browser: runtime,
      receivedDir: join(dataDir, 'received'),
      log: pino({ level: 'silent' }),
      onPageClosed: () => undefined,
      mirrorEncoding: { maxBytes: 6_000_000 },
    });
    await session.open(server.relay.createSession());
    phoneBrowser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
    context = await phoneBrowser.newContext({ ...devices['Pixel 7'], locale: 'en-US' });
    page = await context.newPage();
    await page.goto(session.phoneUrl);
    await page.locator('#peer', { hasText: 'PC connected' }).waitFor();
  });
  after(async () => {
    await session?.close({ phoneAttached: false });
    await context?.close();
    await Promise.all([phoneBrowser?.close(), runtime?.stop()]);
    await site?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the 10,000-row table: its 4 MB snapshot arrives whole, in gzip parts', async () => {
    await runtime.open(site.url('/table.html'));
    await untilReplayed({ c0: 'row 0', c9999: 'row 9999' });
    assert.ok(relayed('mirror.part') >= 1, 'the snapshot travelled as mirror.part');
    assert.equal(await page.locator('#mirror-empty').isHidden(), true);
    // Patches apply to that document.
    const tabId = runtime.mirror.shownTabId() as string;
    await runtime.host.evaluate(
      tabId,
      `document.getElementById('c5000').textContent = 'patched row'`,
    );
    await untilReplayed({ c5000: 'patched row' });
  });

  it('a page over the cap shows "too large to mirror" instead of a blank page', async () => {
    const huge = await runtime.open(site.url('/huge.html'));
    const empty = page.locator('#mirror-empty');
    await empty.filter({ hasText: 'too large to mirror' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('#mirror iframe').count(), 0, 'no stale or blank replay');
    await until(() => relayed('mirror.unavailable') >= 1, 'mirror.unavailable relayed');
    // Its patches are not sent to a phone that cannot apply them.
    const before = server.logs.length;
    await runtime.host.evaluate(
      huge.id,
      `document.title = 'still huge'; document.body.append('x')`,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(
      server.logs.slice(before).filter((line) => line.includes('"type":"mirror.patch"')).length,
      0,
    );
    // Another page mirrors again.
    await runtime.open(site.url('/article.html'));
    await untilReplayed({ headline: 'Tandem fixture article' });
    assert.equal(await empty.isHidden(), true);
  });

  it('fast typing on the phone (30 ms a key) ends as the typed text on both sides', async () => {
    const TYPED = 'the quick brown fox jumps over the lazy dog, typed fast';
    const form = await runtime.open(site.url('/form.html'));
    await untilReplayed({ echo: '' });
    const field = page.frameLocator('#mirror iframe').locator('#notes');
    await field.tap();
    await field.pressSequentially(TYPED, { delay: 30 });
    const pcValue = () =>
      runtime.host.evaluate<string>(form.id, `document.getElementById('notes').value`);
    const deadline = Date.now() + 15_000;
    while ((await pcValue()) !== TYPED && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(await pcValue(), TYPED, 'the PC field');
    // The PC's echoes have all come back by now; none may have undone a keystroke.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(await field.inputValue(), TYPED, 'the phone field');
  });
});
