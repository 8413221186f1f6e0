// Fit-to-phone, measured: the phone page at 393×852 mirroring a real rrweb recording of a headless
// Chromium PC page (1280×800). A responsive page reflows to its mobile layout at a readable size;
// a fixed-width desktop page is scaled no smaller than 0.5 and scrolls sideways; scrolling follows
// by content both ways; taps and find keep working by node id; PC layout is one tap away.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchTestChromium } from '../testing/chromium.js';
import type { RelayMessage } from '../protocol/relay-messages.js';
import type { RelayClient } from '../relay-client/relay-client.js';
import {
  benchPages,
  startMirrorStream,
  type MirrorStream,
  performOperation,
} from '../testing/pc-mirror.js';
import {
  fixturePages,
  launchTestHost,
  startFixtureSite,
  type FixtureSite,
  type TestHost,
} from '../testing/fixture-site.js';
import { fitPages } from '../testing/fit-fixtures.js';
import {
  nodeTerminal,
  sessionUrls,
  startRelayServer,
  type RelayServer,
} from '../testing/relay-server.js';
import { waitFor } from '../testing/wait.js';
import { openPhoneFind, openPhoneMenu } from '../testing/phone-menu.js';
import { EventType } from '../protocol/rrweb-events.js';

const PHONE = { width: 393, height: 852 };

/** What the phone shows, measured in its page (no named helpers: the page has no tsx runtime). */
interface Measure {
  scale: number;
  frameWidth: number;
  fontPx: number;
  buttonPx: number;
  mirrorTop: number;
  mirrorHeight: number;
  screenHeight: number;
  docScrollWidth: number;
  docClientWidth: number;
}

describe('the mirror fitted to the phone (393×852)', () => {
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
  const ops = (type: string) => atPc.filter((m) => m.type === type);
  const onPc = <T>(expression: string) => pcBrowser.host.evaluate<T>(tabId, expression);
  const mirrored = (selector: string) => page.frameLocator('#mirror iframe').locator(selector);
  const measure = (paragraph: string, button: string): Promise<Measure> =>
    page.evaluate(
      ([paragraphSelector, buttonSelector]) => {
        const frame = document.querySelector('#mirror iframe') as HTMLIFrameElement;
        const doc = frame.contentDocument as Document;
        const scale = frame.getBoundingClientRect().width / frame.offsetWidth;
        const text = doc.querySelector(paragraphSelector as string) as Element;
        const pressable = doc.querySelector(buttonSelector as string);
        const area = (document.querySelector('#mirror') as HTMLElement).getBoundingClientRect();
        return {
          scale,
          frameWidth: frame.offsetWidth,
          fontPx: parseFloat(getComputedStyle(text).fontSize) * scale,
          buttonPx: pressable ? pressable.getBoundingClientRect().height * scale : 0,
          mirrorTop: area.top,
          mirrorHeight: area.height,
          screenHeight: window.innerHeight,
          docScrollWidth: doc.documentElement.scrollWidth,
          docClientWidth: doc.documentElement.clientWidth,
        };
      },
      [paragraph, button],
    );
  /** Where the element's top is in the phone's replayed viewport (replayed CSS px). */
  const topOnPhone = (selector: string) =>
    mirrored(selector).evaluate((element) => element.getBoundingClientRect().top);
  const topOnPc = (selector: string) =>
    onPc<number>(`document.querySelector('${selector}').getBoundingClientRect().top`);
  const showOnPc = async (path: string, text: string) => {
    tabId = (await pcBrowser.host.open(site.url(path))).id;
    await mirrored('#title').filter({ hasText: text }).waitFor({ timeout: 15_000 });
  };

  before(async () => {
    server = await startRelayServer({});
    site = await startFixtureSite({
      ...fixturePages,
      ...fitPages,
      '/bench-article.html': benchPages['/article.html'] ?? '',
    });
    [pcBrowser, phoneBrowser] = await Promise.all([launchTestHost(), launchTestChromium()]);
    const urls = sessionUrls(server);
    pc = nodeTerminal(urls.pc, 'pc').client.start();
    pc.on('message', (m) => atPc.push(m));
    context = await phoneBrowser.newContext({
      ...devices['Pixel 7'],
      viewport: PHONE,
      locale: 'en-US',
    });
    page = await context.newPage();
    await page.goto(urls.phone);
    await page.locator('#peer', { hasText: 'PC connected' }).waitFor();
    mirror = await startMirrorStream(pcBrowser.host);
    mirror.onShownBatch((_tab, batch) => {
      const full = batch.events.some((event) => event.type === EventType.FullSnapshot);
      void pc.send({ type: full ? 'mirror.snapshot' : 'mirror.patch', payload: batch.events });
    });
  });
  after(async () => {
    mirror?.stop();
    pc?.close();
    await context?.close();
    await Promise.all([phoneBrowser?.close(), pcBrowser?.cleanup()]);
    await site?.close();
    await server?.close();
  });

  it('lays a responsive page out at the phone’s width: text ≥ 14 px, the 44 px button ≥ 40 px', async () => {
    await showOnPc('/responsive.html', 'Responsive fixture');
    assert.equal(await page.getAttribute('body', 'data-mirror-mode'), 'fit', 'the default');
    await waitFor('the mobile layout', async () => (await measure('#p0', '#cta')).scale === 1);
    const fitted = await measure('#p0', '#cta');
    assert.equal(fitted.frameWidth, PHONE.width, 'the replayed document has the phone’s width');
    assert.ok(fitted.fontPx >= 14, `paragraph text ${fitted.fontPx} px on screen`);
    assert.ok(fitted.buttonPx >= 40, `button ${fitted.buttonPx} px tall on screen`);
    assert.equal(await mirrored('#side').isVisible(), false, 'its mobile layout (no side column)');
    assert.ok(fitted.docScrollWidth <= fitted.docClientWidth, 'no sideways scrolling');
    await page.screenshot({ path: join(tmpdir(), 'tandem-fit-responsive.png') });
  });

  it('the mirror covers ≥ 80% of the screen at rest, with the controls in one slim bar', async () => {
    // The slim bar: views, back, the address and "More"; the rest is in the menu, find at the bottom.
    assert.equal(await page.locator('#menu').isVisible(), false, 'the menu is closed at rest');
    assert.equal(await page.locator('#find-form').isVisible(), false, 'find is closed at rest');
    for (const control of ['#views', '#back', '#address', '#menu-button']) {
      assert.equal(await page.locator(control).isVisible(), true, `${control} in the bar`);
    }
    // The mirror is as tall as the screen, below the bar: at rest the bar covers the rest of the
    // screen, and hiding it (scrolling down) shows more of the mirror without resizing it.
    await waitFor('the mirror as tall as the screen', async () => {
      const { mirrorHeight, screenHeight } = await measure('#p0', '#cta');
      return Math.abs(mirrorHeight - screenHeight) <= 2;
    });
    const { mirrorTop, screenHeight } = await measure('#p0', '#cta');
    const shown = screenHeight - mirrorTop;
    assert.ok(shown >= 0.8 * screenHeight, `the mirror shows ${shown} of ${screenHeight} px`);
    await page.screenshot({ path: join(tmpdir(), 'tandem-fit-slim.png') });
  });

  it('a tap and find work by node id in the fitted layout', async () => {
    await mirrored('#cta').tap();
    await waitFor('op.click at the PC', () => ops('op.click').length > 0);
    await performOperation({ host: pcBrowser.host, tabId }, ops('op.click')[0] as never);
    await mirrored('#out').filter({ hasText: 'tapped 1' }).waitFor();
    await openPhoneFind(page);
    await page.fill('#find-input', 'Paragraph 12:');
    await page.press('#find-input', 'Enter');
    await waitFor('op.find at the PC', () => ops('op.find').length > 0);
    const { find } = await performOperation(
      { host: pcBrowser.host, tabId },
      ops('op.find')[0] as never,
    );
    const highlighted = await page.evaluate(() => {
      const frame = document.querySelector('#mirror iframe') as HTMLIFrameElement;
      const registry = (
        frame.contentWindow as unknown as { CSS: { highlights: Map<string, Set<unknown>> } }
      ).CSS.highlights;
      return registry.get('tandem-find')?.size ?? 0;
    });
    assert.equal(find?.count, 1);
    assert.equal(highlighted, 1, 'the phone highlights the same match');
    await page.click('#find-clear');
  });

  it('follows the PC’s scrolling by content: the element at the PC’s top is at the phone’s top', async () => {
    const sentBefore = ops('op.scroll').length;
    await onPc(`document.getElementById('s20').scrollIntoView({ block: 'start' })`);
    assert.ok(Math.abs(await topOnPc('#s20')) < 1);
    await waitFor(
      'section 20 at the phone’s top',
      async () => Math.abs(await topOnPhone('#s20')) <= 3,
    );
    // The two layouts differ: the same content, not the same pixels.
    const pcY = await onPc<number>('window.scrollY');
    const phoneY = await mirrored('#s20').evaluate(
      (element) => element.ownerDocument.defaultView?.scrollY ?? 0,
    );
    assert.ok(Math.abs(pcY - phoneY) > 50, `different offsets (${pcY} vs ${phoneY})`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(ops('op.scroll').slice(sentBefore), [], 'not echoed back to the PC');
  });

  it('scrolls the PC by content when the person scrolls the phone (follow mode)', async () => {
    // As a finger's fling ends: one position (scrollIntoView would glide, sending each step).
    const y = await mirrored('#s8').evaluate((element) => {
      const win = element.ownerDocument.defaultView as Window;
      win.scrollTo({ top: win.scrollY + element.getBoundingClientRect().top, behavior: 'instant' });
      return win.scrollY;
    });
    const sent = () =>
      ops('op.scroll').find((m) => m.type === 'op.scroll' && m.y === y && m.anchor !== undefined);
    await waitFor('an op.scroll with an anchor', () => sent() !== undefined);
    const scroll = sent() as Extract<RelayMessage, { type: 'op.scroll' }>;
    await performOperation({ host: pcBrowser.host, tabId }, scroll);
    const top = await topOnPc('#s8');
    assert.ok(Math.abs(top) <= 3, `section 8 at the PC’s top (${top})`);
  });

  it('PC layout is one tap away, and back', async () => {
    await openPhoneMenu(page);
    await page.click('#mirror-mode');
    await page.locator('body[data-mirror-mode="pc"]').waitFor();
    await waitFor('the PC’s width', async () => (await measure('#p0', '#cta')).frameWidth === 1280);
    const scaled = await measure('#p0', '#cta');
    assert.ok(Math.abs(scaled.scale - PHONE.width / 1280) < 0.01, `scale ${scaled.scale}`);
    assert.equal(await mirrored('#side').isVisible(), true, 'the desktop layout');
    await page.screenshot({ path: join(tmpdir(), 'tandem-pc-layout-responsive.png') });
    // A double tap zooms to the column tapped (the main column fills the phone), and back; it is
    // no tap on the PC.
    const clicks = ops('op.click').length;
    await mirrored('#p3').dblclick();
    await waitFor('zoomed to the column', async () => (await measure('#p0', '#cta')).scale > 0.45);
    const column = await mirrored('main').evaluate((main) => main.getBoundingClientRect());
    const zoomed = await measure('#p0', '#cta');
    assert.ok(
      Math.abs(column.width * zoomed.scale - PHONE.width) < 2,
      `the column fills the width (${column.width} × ${zoomed.scale})`,
    );
    await page.screenshot({ path: join(tmpdir(), 'tandem-pc-layout-zoomed.png') });
    await mirrored('#p3').dblclick();
    await waitFor('zoomed out', async () => (await measure('#p0', '#cta')).scale < 0.35);
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(ops('op.click').length, clicks, 'double taps are not clicks');
    await openPhoneMenu(page);
    await page.click('#mirror-mode');
    await page.locator('body[data-mirror-mode="fit"]').waitFor();
    await waitFor(
      'fitted again',
      async () => (await measure('#p0', '#cta')).frameWidth === PHONE.width,
    );
  });

  it('scales a fixed-width 1280 px page no smaller than 0.5, and it scrolls sideways', async () => {
    await showOnPc('/fixed.html', 'Fixed-width fixture');
    await waitFor('scaled to fit', async () => (await measure('#p0', '#none')).scale < 1);
    const fixed = await measure('#p0', '#none');
    assert.ok(fixed.scale >= 0.5, `scale ${fixed.scale}`);
    assert.ok(fixed.fontPx >= 8, `text ${fixed.fontPx} px`);
    assert.ok(fixed.docScrollWidth > fixed.docClientWidth, 'wider than the phone');
    const scrolled = await mirrored('#main').evaluate((element) => {
      const win = element.ownerDocument.defaultView as Window;
      win.scrollTo({ left: 300, behavior: 'instant' });
      return win.scrollX;
    });
    assert.ok(scrolled > 0, `scrolls sideways (${scrolled})`);
    await page.screenshot({ path: join(tmpdir(), 'tandem-fit-fixed.png') });
  });

  it('reads the benchmark’s article at ≥ 14 px fitted (0.3 of that in PC layout)', async () => {
    tabId = (await pcBrowser.host.open(site.url('/bench-article.html'))).id;
    await mirrored('#p39').waitFor({ state: 'attached', timeout: 15_000 });
    await waitFor('fitted', async () => (await measure('#p0', 'h1')).frameWidth === PHONE.width);
    const fitted = await measure('#p0', 'h1');
    assert.ok(fitted.fontPx >= 14, `text ${fitted.fontPx} px`);
    await page.screenshot({ path: join(tmpdir(), 'tandem-fit-article.png') });
    await openPhoneMenu(page);
    await page.click('#mirror-mode');
    await waitFor('PC layout', async () => (await measure('#p0', 'h1')).frameWidth === 1280);
    const scaled = await measure('#p0', 'h1');
    assert.ok(scaled.fontPx < 6, `PC layout text ${scaled.fontPx} px`);
    await page.screenshot({ path: join(tmpdir(), 'tandem-pc-layout-article.png') });
    await openPhoneMenu(page);
    await page.click('#mirror-mode');
  });

  it('hides the bar while the person scrolls down and brings it back on scroll up, the mirror never resized', async () => {
    // The article from the test before, fitted, at its top; the menu closed.
    await waitFor('fitted', async () => (await measure('#p0', 'h1')).frameWidth === PHONE.width);
    const frameHeight = () =>
      page.evaluate(() => (document.querySelector('#mirror iframe') as HTMLElement).offsetHeight);
    const chromeBox = () =>
      page.evaluate(() => document.getElementById('chrome')?.getBoundingClientRect().toJSON());
    const heightAtRest = await frameHeight();
    const sentBefore = ops('op.scroll').length;
    // The person flings the page down (one position, as a fling ends), then a little up.
    const scrollBy = (dy: number) =>
      mirrored('body').evaluate((body, by) => {
        const win = body.ownerDocument.defaultView as Window;
        win.scrollTo({ top: win.scrollY + by, behavior: 'instant' });
        return win.scrollY;
      }, dy);
    const down = await scrollBy(600);
    await waitFor('the bar gone above the screen', async () => {
      const box = await chromeBox();
      return box !== undefined && box.bottom <= 1;
    });
    assert.equal(await page.getAttribute('body', 'data-bar'), 'hidden');
    const hidden = await measure('#p0', 'h1');
    assert.ok(hidden.mirrorTop <= 1, `the mirror starts at the screen's top (${hidden.mirrorTop})`);
    assert.equal(await frameHeight(), heightAtRest, 'the mirror kept its size');
    await page.screenshot({ path: join(tmpdir(), 'tandem-bar-hidden.png') });
    const up = await scrollBy(-200);
    await waitFor('the bar back', async () => (await chromeBox())?.top === 0);
    assert.equal(await frameHeight(), heightAtRest, 'the mirror kept its size');
    // Follow mode sent the person's two positions to the PC, and nothing else: hiding and showing
    // the bar moved nothing in the mirror that could be echoed.
    await waitFor('the person’s scroll up at the PC', () =>
      ops('op.scroll').some((m) => m.type === 'op.scroll' && m.y === up),
    );
    const ys = ops('op.scroll')
      .slice(sentBefore)
      .map((m) => (m as Extract<RelayMessage, { type: 'op.scroll' }>).y);
    assert.deepEqual(ys, [down, up]);
    // The menu brings it back too, and it stays while open.
    await scrollBy(300);
    await waitFor(
      'hidden again',
      async () => (await page.getAttribute('body', 'data-bar')) === 'hidden',
    );
    await page.locator('#menu-button').focus();
    await waitFor('back for the keyboard', async () => (await chromeBox())?.top === 0);
    await page.screenshot({ path: join(tmpdir(), 'tandem-bar-shown.png') });
  });
});
