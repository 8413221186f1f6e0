// The phone page's chrome as a person uses it at 393×852: one slim bar (views, back, address,
// More), a menu that opens and closes by keyboard too, find as a bar over the bottom, a badge on Inbox for
// what arrived while the mirror showed, inbox items with their time and a file's size and
// percentage, the history kept across a reload, a remembered language switch, and axe-core clean
// in light and dark.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { seriousAxeViolations } from '../testing/axe.js';
import { launchTestChromium } from '../testing/chromium.js';
import {
  fixturePages,
  launchTestHost,
  startFixtureSite,
  type FixtureSite,
  type TestHost,
} from '../testing/fixture-site.js';
import { startMirrorStream } from '../testing/pc-mirror.js';
import { openPhoneMenu } from '../testing/phone-menu.js';
import { sendFile } from '../testing/relay-client-parts.js';
import {
  nodeTerminal,
  sessionUrls,
  startRelayServer,
  type RelayServer,
} from '../testing/relay-server.js';
import { EventType } from '../protocol/rrweb-events.js';
import type { RelayClient } from '../relay-client/relay-client.js';

describe('the phone page’s slim bar, inbox and language (393×852)', () => {
  let server: RelayServer;
  let site: FixtureSite;
  let pcBrowser: TestHost;
  let phoneBrowser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pc: RelayClient;
  let phoneUrl = '';

  before(async () => {
    server = await startRelayServer({});
    site = await startFixtureSite(fixturePages);
    [pcBrowser, phoneBrowser] = await Promise.all([launchTestHost(), launchTestChromium()]);
    const urls = sessionUrls(server);
    phoneUrl = urls.phone;
    pc = nodeTerminal(urls.pc, 'pc').client.start();
    context = await phoneBrowser.newContext({
      ...devices['Pixel 7'],
      viewport: { width: 393, height: 852 },
      locale: 'en-US',
      bypassCSP: true,
    });
    page = await context.newPage();
    await page.goto(phoneUrl);
    await page.locator('#peer', { hasText: 'PC connected' }).waitFor();
    mirror = await startMirrorStream(pcBrowser.host);
    mirror.onShownBatch((_tab, batch) => {
      const full = batch.events.some((event) => event.type === EventType.FullSnapshot);
      void pc.send({ type: full ? 'mirror.snapshot' : 'mirror.patch', payload: batch.events });
    });
    await pcBrowser.host.open(site.url('/article.html'));
    await page.frameLocator('#mirror iframe').locator('#headline').waitFor({ timeout: 15_000 });
  });
  let mirror: Awaited<ReturnType<typeof startMirrorStream>> | undefined;
  after(async () => {
    mirror?.stop();
    pc?.close();
    await context?.close();
    await Promise.all([phoneBrowser?.close(), pcBrowser?.cleanup()]);
    await site?.close();
    await server?.close();
  });

  it('has one slim bar; More opens a menu that Escape closes; find is a bar at the bottom', async () => {
    const bar = await page.locator('.bar').boundingBox();
    assert.ok(bar && bar.height <= 64, `the bar is one row (${bar?.height} px)`);
    for (const control of ['#views', '#back', '#address', '#menu-button']) {
      assert.equal(await page.locator(control).isVisible(), true, `${control} in the bar`);
    }
    for (const inMenu of ['#forward', '#reload', '#follow', '#copy-from-pc', '#tabs-box']) {
      assert.equal(await page.locator(inMenu).isVisible(), false, `${inMenu} waits in More`);
    }
    await page.click('#menu-button');
    assert.equal(await page.getAttribute('#menu-button', 'aria-expanded'), 'true');
    assert.equal(await page.locator('#copy-from-pc').isVisible(), true);
    await page.keyboard.press('Escape');
    assert.equal(await page.getAttribute('#menu-button', 'aria-expanded'), 'false');
    assert.equal(await page.locator('#menu').isVisible(), false);

    await openPhoneMenu(page);
    await page.click('#open-find');
    const find = await page.locator('#find-form').boundingBox();
    assert.ok(find && Math.abs(find.y + find.height - 852) <= 1, 'find sits on the bottom edge');
    assert.equal(
      await page.locator('#find-input').evaluate((n) => n === document.activeElement),
      true,
    );
    await page.click('#find-clear');
    assert.equal(await page.locator('#find-form').isVisible(), false);
  });

  it('counts what arrives while the mirror shows, with times, sizes and progress', async () => {
    await pc.send({ type: 'data.text', text: 'note one' });
    await pc.send({ type: 'data.link', url: 'https://example.org/a', title: 'A link' });
    await page.locator('#inbox-badge', { hasText: '2' }).waitFor();
    const bytes = new Uint8Array(300 * 1024).fill(7);
    await sendFile((m) => pc.send(m), {
      name: 'notes.bin',
      mime: 'application/octet-stream',
      kind: 'file',
      bytes,
    });
    await page.locator('#inbox-badge', { hasText: '3' }).waitFor({ state: 'attached' });
    await page.click('#view-inbox');
    assert.equal(await page.locator('#inbox-badge').isVisible(), false, 'seen: the badge goes');
    const text = page.locator('#inbox li.text', { hasText: 'note one' });
    assert.match((await text.locator('time').getAttribute('datetime')) ?? '', /^\d{4}-\d\d-\d\dT/);
    assert.match(await text.locator('time').innerText(), /\d/);
    const file = page.locator('#inbox li.file', { hasText: 'notes.bin' });
    await file.locator('a[download="notes.bin"]').waitFor();
    assert.match(await file.innerText(), /300 KB/);
    await page.click('#view-mirror');
  });

  it('keeps its history across a reload, marked as earlier', async () => {
    await page.reload();
    await page.locator('#peer', { hasText: 'PC connected' }).waitFor();
    await page.click('#view-inbox').catch(() => undefined);
    const kept = page.locator('#inbox li.earlier');
    await kept.filter({ hasText: 'note one' }).waitFor({ state: 'attached' });
    assert.ok((await kept.count()) >= 3, 'text, link and file kept');
    assert.equal(await page.locator('#inbox .earlier-title').count(), 1);
  });

  it('switches to Chinese from More, and remembers it', async () => {
    // Reachable in either view: the language is in More.
    await openPhoneMenu(page);
    await page.click('#lang-zh');
    await page.locator('html[lang="zh-CN"]').waitFor();
    await page.locator('#peer', { hasText: '电脑已连接' }).waitFor();
    await page.reload();
    await page.locator('html[lang="zh-CN"]').waitFor();
    assert.equal(
      await page.locator('#view-inbox span[data-i18n="viewInbox"]').innerText(),
      '收件箱',
    );
    await page.evaluate(() => localStorage.removeItem('tandem.lang'));
  });

  it('is axe-core clean in light and dark', async () => {
    await page.click('#menu-button');
    await page.keyboard.press('Escape');
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      const violations = await seriousAxeViolations(page);
      assert.deepEqual(violations, [], `${colorScheme}: ${JSON.stringify(violations, null, 2)}`);
    }
  });
});
