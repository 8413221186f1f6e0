// The desktop UI's browser bar against a real agent with a headless PC browser: a person opens,
// navigates, switches and closes the mirrored session's tabs from the Tandem window, and the
// Electron toolbar view (?view=toolbar) shows the bar alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchTestChromium } from '../testing/chromium.js';
import { waitFor } from '../testing/wait.js';
import { startAgent, type RunningAgent } from '../testing/running-agent.js';
import { startFixtureSite, type FixtureSite } from '../testing/fixture-site.js';
import { startPrivateAdbServer, type PrivateAdbServer } from '../testing/adb-server.js';

let dataDir: string;
let site: FixtureSite;
let adb: PrivateAdbServer;
let agent: RunningAgent;
let desktop: Browser;
let ui: Page;

before(async () => {
  process.env.TANDEM_LOG_LEVEL ??= 'warn';
  dataDir = mkdtempSync(join(tmpdir(), 'tandem-bar-'));
  site = await startFixtureSite();
  adb = await startPrivateAdbServer();
  agent = await startAgent({
    dataDir,
    adbPort: adb.port,
    usb: false,
    startAdbServer: false,
    browser: 'headless',
  });
  desktop = await launchTestChromium();
  ui = await desktop.newPage();
});

after(async () => {
  await desktop?.close();
  await agent?.stop();
  await adb?.stop();
  await site?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const pcTabs = () => agent.browser?.tabs() ?? [];

/** Waits for the PC browser's tabs to show `what`; a failure says which tabs it has. */
const untilPc = (what: string, check: () => boolean) =>
  waitFor(what, check, { timeoutMs: 10_000, detail: () => JSON.stringify(pcTabs()) });

test('the address field opens a page in the PC browser, and the tab list shows it', async () => {
  await ui.goto(agent.uiUrl);
  const bar = ui.locator('#browser');
  // The PC browser starts with one blank tab (or none): Go loads the address into it.
  await bar.waitFor();
  await bar.getByRole('textbox', { name: 'Address or search' }).fill(site.url('/article.html'));
  await bar.getByRole('button', { name: 'Go' }).click();
  await bar.locator('#tabs li[aria-current="page"]', { hasText: 'Article' }).waitFor();
  assert.deepEqual(
    pcTabs().map((t) => t.url),
    [site.url('/article.html')],
  );
});

test('navigate, a new tab, show, back and close act on the PC browser', async () => {
  const bar = ui.locator('#browser');
  const address = bar.getByRole('textbox', { name: 'Address or search' });
  await address.fill(site.url('/form.html'));
  await address.press('Enter');
  await untilPc('the navigation', () => pcTabs()[0]?.url === site.url('/form.html'));
  await bar.locator('#tabs li[aria-current="page"]', { hasText: 'Form' }).waitFor();

  await address.fill(site.url('/second.html'));
  await bar.getByRole('button', { name: 'Open in a new tab' }).click();
  await untilPc('the second tab', () => pcTabs().length === 2);
  await bar.locator('#tabs li[aria-current="page"]', { hasText: 'Second page' }).waitFor();

  await bar.getByRole('button', { name: 'Show Form' }).click();
  await bar.locator('#tabs li[aria-current="page"]', { hasText: 'Form' }).waitFor();
  const shown = () => pcTabs().find((t) => t.id === agent.browser?.mirror.shownTabId());
  assert.equal(shown()?.url, site.url('/form.html'), 'the phones are shown the chosen tab');

  await bar.getByRole('button', { name: 'Back' }).click();
  await untilPc('back', () => shown()?.url === site.url('/article.html'));
  await bar.getByRole('button', { name: 'Forward' }).click();
  await untilPc('forward', () => shown()?.url === site.url('/form.html'));

  await bar.getByRole('button', { name: 'Close Second page' }).click();
  await untilPc('the close', () => pcTabs().length === 1);
  // The bar redraws on the agent's next tab event, which may land after the PC browser's own count.
  await bar.locator('#tabs li', { hasText: 'Second page' }).waitFor({ state: 'detached' });
  assert.equal(await bar.locator('#tabs li').count(), 1);
});

test('a refused address shows its code; the toolbar view shows the bar alone', async () => {
  const bar = ui.locator('#browser');
  await bar.getByRole('textbox', { name: 'Address or search' }).fill('   ');
  await bar.getByRole('button', { name: 'Go' }).click();
  await bar.locator('#browser-result', { hasText: '[CONTROL_BAD_REQUEST]' }).waitFor();
  // In words for the person; the code only under Details.
  assert.match(
    await bar.locator('#browser-result').innerText(),
    /^Type an address or some search words first\./,
  );

  const toolbar = await desktop.newPage();
  await toolbar.goto(`${agent.uiUrl}&view=toolbar`);
  await toolbar.locator('#tabs li', { hasText: 'Form' }).waitFor();
  assert.equal(await toolbar.locator('#phones-title').isVisible(), false);
  assert.equal(await toolbar.locator('#pause').isVisible(), false);
  assert.equal(await toolbar.getByRole('textbox', { name: 'Address or search' }).isVisible(), true);
  const height = await toolbar.evaluate(() => document.body.getBoundingClientRect().height);
  assert.ok(height <= 96, `the toolbar fits the Electron host's 96 px (it is ${height} px)`);
  await toolbar.close();
});
