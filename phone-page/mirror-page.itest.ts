// The phone page as the mirror: a real relay, a Node `pc` terminal streaming a real rrweb recording
// of a headless Chromium PC page, and the page in real Chromium with mobile emulation.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchTestChromium } from '../testing/chromium.js';
import type { RelayMessage } from '../protocol/relay-messages.js';
import type { RelayClient } from '../relay-client/relay-client.js';
import { startMirrorStream, type MirrorStream, performOperation } from '../testing/pc-mirror.js';
import {
  launchTestHost,
  PIXEL_PNG,
  startFixtureSite,
  type FixtureSite,
  type TestHost,
} from '../testing/fixture-site.js';
import {
  nodeTerminal,
  sessionUrls,
  startRelayServer,
  type RelayServer,
} from '../testing/relay-server.js';
import { waitFor } from '../testing/wait.js';
import { openPhoneFind, openPhoneMenu } from '../testing/phone-menu.js';
import { EventType } from '../protocol/rrweb-events.js';

describe('phone page mirror', () => {
  let server: RelayServer;
  let site: FixtureSite;
  let pcBrowser: TestHost;
  let phoneBrowser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pc: RelayClient;
  let mirror: MirrorStream;
  let tabId = '';
  const atPc: RelayMessage[] = [];
  const assetHits: string[] = [];
  const ops = (type: string) => atPc.filter((m) => m.type === type);
  const mirrorText = () =>
    page.evaluate(() => {
      const frame = document.querySelector('#mirror iframe') as HTMLIFrameElement | null;
      return frame?.contentDocument?.body?.textContent ?? '';
    });
  const untilText = (text: string) =>
    waitFor(`"${text}" on the phone`, async () => (await mirrorText()).includes(text), 10_000);

  before(async () => {
    // The agent's asset route stands here as a stub that records what the phone asked for.
    server = await startRelayServer({}, (app) => {
      app.get('/mirror/asset', async (request, reply) => {
        assetHits.push(String((request.query as { url?: string }).url));
        return reply.type('image/png').send(PIXEL_PNG);
      });
    });
    site = await startFixtureSite();
    [pcBrowser, phoneBrowser] = await Promise.all([launchTestHost(), launchTestChromium()]);
    const urls = sessionUrls(server);
    pc = nodeTerminal(urls.pc, 'pc').client.start();
    pc.on('message', (m) => atPc.push(m));
    context = await phoneBrowser.newContext({ ...devices['Pixel 7'], locale: 'en-US' });
    page = await context.newPage();
    await page.goto(urls.phone);
    await page.locator('#peer', { hasText: 'PC connected' }).waitFor();
    assert.equal(await page.locator('#views').isHidden(), true, 'inbox only until the PC streams');

    mirror = await startMirrorStream(pcBrowser.host);
    mirror.onShownBatch((_tab, batch) => {
      const full = batch.events.some((event) => event.type === EventType.FullSnapshot);
      void pc.send({ type: full ? 'mirror.snapshot' : 'mirror.patch', payload: batch.events });
    });
    tabId = (await pcBrowser.host.open(site.url('/article.html'))).id;
  });
  after(async () => {
    mirror?.stop();
    pc?.close();
    await context?.close();
    await Promise.all([phoneBrowser?.close(), pcBrowser?.cleanup()]);
    await site?.close();
    await server?.close();
  });

  it('shows the PC page as the main area, and its images come through the asset route', async () => {
    await untilText('Tandem fixture article');
    assert.equal(await page.locator('#mirror-view').isVisible(), true);
    assert.equal(await page.locator('#view-mirror').getAttribute('aria-pressed'), 'true');
    const script = await fetch(`${server.base}/m/mirror.js`);
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    await waitFor('image through /mirror/asset', () => assetHits.includes(site.url('/pixel.png')));
    // The inbox stays reachable.
    await page.click('#view-inbox');
    assert.equal(await page.locator('#send-text').isVisible(), true);
    await page.click('#view-mirror');
  });

  it('in PC layout (one tap away), fits the PC’s page to the phone’s width and as tall as the screen, toolbar inside 412 px, pinch zoom kept', async () => {
    // Fit-to-phone is the default (mirror-fit.itest.ts); this and the pixel scrolling below are
    // the PC's own layout.
    assert.equal(await page.getAttribute('body', 'data-mirror-mode'), 'fit');
    await openPhoneMenu(page);
    await page.click('#mirror-mode');
    await page.locator('body[data-mirror-mode="pc"]').waitFor();
    const viewport = (await page.getAttribute('meta[name="viewport"]', 'content')) ?? '';
    assert.match(viewport, /width=device-width/);
    assert.doesNotMatch(viewport, /user-scalable\s*=\s*(no|0)/i, 'pinch zoom allowed');
    assert.doesNotMatch(viewport, /maximum-scale\s*=\s*1(\.0*)?(\s|,|$)/i, 'zoom not capped');
    // Boxes in page coordinates (no named helpers here: the page has no tsx runtime).
    const layout = await page.evaluate(() => {
      const controls = document.querySelectorAll(
        '#address-form button, #address, #find-form input, #find-form button, #follow, #copy-from-pc, #tabs-box summary',
      );
      const stage = (
        document.querySelector('#mirror .tandem-mirror') as Element
      ).getBoundingClientRect();
      return {
        width: window.innerWidth,
        screenHeight: document.documentElement.clientHeight,
        scrollWidth: document.documentElement.scrollWidth,
        controls: [...controls].map((c) => ({
          id: c.id || c.tagName,
          left: c.getBoundingClientRect().left,
          right: c.getBoundingClientRect().right,
        })),
        stage: { right: stage.right, height: stage.height },
        frameHeight: Number(document.querySelector('#mirror iframe')?.getAttribute('height')),
      };
    });
    assert.equal(layout.width, 412, 'Pixel 7 width');
    assert.ok(layout.scrollWidth <= layout.width, `no sideways scrolling (${layout.scrollWidth})`);
    assert.ok(layout.controls.length >= 9);
    for (const control of layout.controls) {
      assert.ok(
        control.left >= 0 && control.right <= layout.width,
        `${control.id} inside the screen (${control.left}–${control.right})`,
      );
    }
    assert.ok(Math.abs(layout.stage.right - layout.width) < 1, 'fitted to the width');
    // As tall as the screen, below the slim bar, which scrolls away over it (bar-hide.ts).
    assert.ok(
      Math.abs(layout.stage.height - layout.screenHeight) <= 2,
      `the mirror is as tall as the screen (${layout.stage.height} of ${layout.screenHeight})`,
    );
    assert.ok(
      layout.frameHeight > 1000,
      `more of the page than the PC’s 800 px (${layout.frameHeight})`,
    );
    await page.screenshot({ path: join(tmpdir(), 'tandem-phone-mirror.png') });
  });

  it('applies a patch: a DOM change on the PC appears on the phone', async () => {
    await pcBrowser.host.evaluate(tabId, `document.getElementById('out').textContent = 'patched'`);
    await untilText('patched');
  });

  it('a tap on a mirrored button sends op.click with the ref of that element', async () => {
    await page.frameLocator('#mirror iframe').locator('#btn').tap();
    await waitFor('op.click at the PC', () => ops('op.click').length > 0);
    const [click] = ops('op.click');
    await performOperation({ host: pcBrowser.host, tabId }, click as never);
    assert.equal(
      await pcBrowser.host.evaluate(tabId, `document.getElementById('out').textContent`),
      'clicked 1',
    );
    await untilText('clicked 1');
  });

  it('the find bar sends op.find, highlights on the phone and shows the PC’s count', async () => {
    await openPhoneFind(page);
    await page.fill('#find-input', 'quick');
    await page.press('#find-input', 'Enter');
    await waitFor('op.find at the PC', () => ops('op.find').length > 0);
    assert.deepEqual(ops('op.find')[0], { type: 'op.find', action: 'query', query: 'quick' });
    const { find } = await performOperation(
      { host: pcBrowser.host, tabId },
      ops('op.find')[0] as never,
    );
    assert.ok(find && find.count > 0);
    const highlighted = await page.evaluate(() => {
      const frame = document.querySelector('#mirror iframe') as HTMLIFrameElement;
      const registry = (
        frame.contentWindow as unknown as { CSS: { highlights: Map<string, Set<unknown>> } }
      ).CSS.highlights;
      return registry.get('tandem-find')?.size ?? 0;
    });
    assert.equal(highlighted, find.count, 'the phone highlights the same matches');
    await pc.send({ type: 'find.result', ...find });
    await page.locator('#find-count', { hasText: `${find.index} of ${find.count}` }).waitFor();
    await page.click('#find-next');
    await page.click('#find-clear');
    await waitFor('next and clear', () => ops('op.find').length === 3);
    assert.deepEqual(ops('op.find').slice(1), [
      { type: 'op.find', action: 'next' },
      { type: 'op.find', action: 'clear' },
    ]);
  });

  it('the address bar sends op.navigate with a URL or a search URL', async () => {
    for (const text of ['example.com', 'two words']) {
      await page.fill('#address', text);
      await page.press('#address', 'Enter');
    }
    await waitFor('two op.navigate', () => ops('op.navigate').length === 2);
    assert.deepEqual(ops('op.navigate'), [
      { type: 'op.navigate', url: 'https://example.com/' },
      { type: 'op.navigate', url: 'https://duckduckgo.com/?q=two%20words' },
    ]);
    await page.click('#back');
    await openPhoneMenu(page);
    await page.click('#reload');
    await waitFor('op.reload', () => ops('op.reload').length === 1);
    assert.equal(ops('op.back').length, 1);
  });

  it('in follow mode, scrolling the mirror sends op.scroll (PC layout: pixels)', async () => {
    assert.equal(await page.isChecked('#follow'), true, 'follow is on by default');
    // Where the page lets it go (the mirror's height decides how far that is).
    const y = await page.evaluate(() => {
      const frame = document.querySelector('#mirror iframe') as HTMLIFrameElement;
      frame.contentWindow?.scrollTo(0, 700);
      return frame.contentWindow?.scrollY ?? 0;
    });
    assert.ok(y >= 300, `the mirror scrolled (${y})`);
    await waitFor('op.scroll', () =>
      ops('op.scroll').some((m) => m.type === 'op.scroll' && m.y === y),
    );
  });

  it('shows the PC’s scrolling without echoing it back as op.scroll (PC layout: pixels)', async () => {
    const sentBefore = ops('op.scroll').length;
    // Within what the phone can scroll: the slim bar leaves the mirror a tall viewport.
    await pcBrowser.host.evaluate(tabId, 'window.scrollTo(0, 500)');
    const phoneScrollY = () =>
      page.evaluate(() => {
        const frame = document.querySelector('#mirror iframe') as HTMLIFrameElement;
        return frame.contentWindow?.scrollY ?? 0;
      });
    await waitFor(
      'the PC scroll on the phone',
      async () => Math.round(await phoneScrollY()) === 500,
      10_000,
    );
    // Nor any place on the way: the replayer glides there, and the PC must not be pulled back.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(ops('op.scroll').slice(sentBefore), [], 'no echo of the glide');
    // A scroll of the person's own after it arrives; the replayed one must not have.
    await page.evaluate(() => {
      const frame = document.querySelector('#mirror iframe') as HTMLIFrameElement;
      frame.contentWindow?.scrollTo(0, 300);
    });
    await waitFor('the phone scroll to 300 at the PC', () =>
      ops('op.scroll').some((m) => m.type === 'op.scroll' && m.y === 300),
    );
    assert.equal(
      ops('op.scroll').some((m) => m.type === 'op.scroll' && m.y === 500),
      false,
    );
  });

  it('lists the PC tabs; "show this tab" sends op.tab', async () => {
    const tabs = pcBrowser.host.tabs();
    await pc.send({ type: 'mirror.tabs', tabs });
    const row = page.locator(`#tabs li[data-tab-id="${tabId}"]`);
    await openPhoneMenu(page);
    await page.click('#tabs-box summary');
    await row.locator('.tandem-tab-show', { hasText: 'Show this tab' }).click();
    await waitFor('op.tab', () => ops('op.tab').length > 0);
    assert.deepEqual(ops('op.tab')[0], { type: 'op.tab', action: 'show', tabId });
    assert.equal(await row.locator('.tandem-tab-open').innerText(), 'Open on this phone');
    assert.equal(await page.inputValue('#address'), site.url('/article.html'));
  });

  it('"Open on this phone" opens the tab’s page in a new tab; the session page stays', async () => {
    await pc.send({ type: 'mirror.tabs', tabs: pcBrowser.host.tabs() });
    const row = page.locator(`#tabs li[data-tab-id="${tabId}"]`);
    await openPhoneMenu(page);
    if (!(await row.isVisible())) await page.click('#tabs-box summary');
    const sessionUrl = page.url();
    const [opened] = await Promise.all([
      context.waitForEvent('page'),
      row.locator('.tandem-tab-open').click(),
    ]);
    await opened.waitForLoadState();
    assert.equal(opened.url(), site.url('/article.html'));
    assert.equal(await opened.evaluate(() => window.opener), null, 'noopener');
    assert.equal(page.url(), sessionUrl, 'the session page did not navigate away');
    assert.equal(await page.locator('#status').innerText(), 'Connected');
    assert.equal(pc.peer, 'present', 'the PC still sees the phone');
    await opened.close();
  });

  it('a new snapshot (another tab shown) replaces the mirrored page', async () => {
    await pcBrowser.host.open(site.url('/second.html'));
    await untilText('second page text');
    assert.equal((await mirrorText()).includes('Tandem fixture article'), false);
    assert.equal(await page.locator('#mirror iframe').count(), 1);
  });
});
