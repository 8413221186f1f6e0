// The whole walk of ARCHITECTURE §3 with the one simulated part, the phone: a real adb server on
// a private port, the agent headless with its embedded server, the PC browser session in headless
// Chromium, and the phone's browser in Chromium with mobile emulation that reaches the agent only
// through the sim's real `adb reverse` (localhost → 127.0.0.2 → ADB stream → the server).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tandemBin as tandem } from '../testing/tandem-cli.js';
import type { Page } from 'playwright-core';
import type { PairingState } from '../testing/running-agent.js';
import { connectSim } from '../testing/connect-sim.js';
import { useWalkRig } from '../testing/walk-rig.js';
import { SELECT_HEADLINE } from '../testing/fixture-site.js';
import { waitForPhoneState } from '../testing/wait-state.js';
import { waitFor } from '../testing/wait.js';
import { openPhoneFind, openPhoneMenu } from '../testing/phone-menu.js';

const run = promisify(execFile);
const rig = useWalkRig('35693803564380');
let page: Page;

const waitState = (states: PairingState[]) =>
  waitForPhoneState(rig.agent.orchestrator, rig.sim.adbSerial, states);
const mirrored = (selector: string) => page.frameLocator('#mirror iframe').locator(selector);
const pcTab = () => rig.agent.browser?.mirror.shownTabId() as string;
const onPc = <T>(expression: string) => rig.agent.browser!.host.evaluate<T>(pcTab(), expression);

test('plugging the phone in opens the session page on it, over adb reverse, with no click', async () => {
  const opened = rig.phone.nextPage();
  await connectSim(rig.adb, rig.sim);
  const status = await waitState(['connected', 'failed', 'bound-elsewhere']);
  assert.equal(status.state, 'connected');
  page = await opened;
  const intent = rig.sim.intents.at(-1);
  const serverPort = rig.agent.embeddedServer?.port;
  assert.equal(intent?.action, 'android.intent.action.VIEW');
  assert.match(
    intent?.data ?? '',
    new RegExp(`^http://localhost:${serverPort}/s/[\\w-]+\\?k=[\\w-]+#[\\w-]+$`),
  );
  const reverses = await rig.adb.adb(['-s', rig.sim.adbSerial, 'reverse', '--list']);
  assert.match(reverses, new RegExp(`tcp:${serverPort} tcp:${serverPort}`));
  await page.locator('#status', { hasText: 'Connected' }).waitFor();
  await page.locator('#peer', { hasText: 'PC connected' }).waitFor();
});

test('tandem open shows a PC page on the phone, and a DOM change on the PC follows', async () => {
  await run(process.execPath, [
    tandem,
    'open',
    rig.site.url('/article.html'),
    '--data',
    rig.dataDir,
  ]);
  await mirrored('#headline')
    .filter({ hasText: 'Tandem fixture article' })
    .waitFor({ timeout: 15_000 });
  // The phone loads the page's image through the agent's asset proxy, over adb reverse.
  const image = mirrored('#pixel');
  await waitFor(
    'the mirrored image loaded',
    async () => (await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)) === 1,
  );
  assert.match((await image.getAttribute('src')) ?? '', /\/mirror\/asset\?url=/);
  await onPc(`document.getElementById('para').textContent = 'changed on the PC'`);
  await mirrored('#para').filter({ hasText: 'changed on the PC' }).waitFor();
});

test('a find from the phone highlights on the PC', async () => {
  await onPc(`document.getElementById('para').textContent = 'A fox here, and another fox there.'`);
  await mirrored('#para').filter({ hasText: 'another fox' }).waitFor();
  await openPhoneFind(page);
  await page.fill('#find-input', 'fox');
  await page.press('#find-input', 'Enter');
  await waitFor(
    'two highlights on the PC',
    async () => (await onPc<number>(`CSS.highlights.get('tandem-find')?.size ?? 0`)) === 2,
  );
  await page.locator('#find-count', { hasText: '1 of 2' }).waitFor();
  await page.click('#find-clear');
  await waitFor(
    'cleared',
    async () => (await onPc<number>(`CSS.highlights.get('tandem-find')?.size ?? 0`)) === 0,
  );
});

test('a tap on a mirrored button clicks it on the PC', async () => {
  await mirrored('#btn').click();
  await waitFor(
    'PC click',
    async () => (await onPc<string>(`document.getElementById('out').textContent`)) === 'clicked 1',
  );
  await mirrored('#out').filter({ hasText: 'clicked 1' }).waitFor();
});

test('text selected on the PC is copied to the phone on request', async () => {
  await onPc(SELECT_HEADLINE);
  await openPhoneMenu(page);
  await page.click('#copy-from-pc');
  await page.click('#view-inbox');
  await page.locator('#inbox .text', { hasText: 'Tandem fixture article' }).waitFor();
  await page.click('#view-mirror');
});

test('scrolling on the phone scrolls the PC (follow mode)', async () => {
  assert.equal(await page.isChecked('#follow'), true);
  await page.evaluate(() => {
    const frame = document.querySelector('#mirror iframe') as HTMLIFrameElement;
    frame.contentWindow?.scrollTo(0, 900);
  });
  await waitFor(
    'PC scrolled',
    async () => Math.abs((await onPc<number>('window.scrollY')) - 900) < 5,
  );
});

test('a file sent from the phone arrives intact on the PC', async () => {
  const bytes = randomBytes(512 * 1024);
  await page.click('#view-inbox');
  await page.setInputFiles('#pick-file', {
    name: 'notes.bin',
    mimeType: 'application/octet-stream',
    buffer: bytes,
  });
  // Saved in the inbox folder (the rig's $TANDEM_INBOX_DIR; Downloads/Tandem for a person).
  const path = join(rig.inboxDir, 'notes.bin');
  await waitFor('the file in the inbox folder', async () => {
    try {
      return readFileSync(path).equals(bytes);
    } catch {
      return false;
    }
  });
});

test('closing the phone page keeps the session: its link reopens it, and so does "Open on the phone again"', async () => {
  const url = page.url();
  const serial = rig.sim.adbSerial;
  const statusNow = () => rig.agent.orchestrator.list().find((s) => s.serial === serial);
  await page.close({ runBeforeUnload: true });
  await waitFor('the closed page told', () => statusNow()?.reason === 'SESSION_CLOSED');
  assert.equal(statusNow()?.state, 'connected', 'still paired and connected');
  const reverse = await rig.adb.adb(['-s', serial, 'reverse', '--list']);
  assert.ok(reverse.includes(`tcp:${rig.agent.embeddedServer?.port}`), 'the reverse mapping stays');

  // From the phone's browser history: the same link, the same session, the mirror live again.
  page = await rig.phone.open(url);
  await mirrored('#headline')
    .filter({ hasText: 'Tandem fixture article' })
    .waitFor({ timeout: 15_000 });
  await waitFor('the page back on the session', () => statusNow()?.reason === undefined);

  // Closed again, "Open on the phone again" sends the am start once more.
  await page.close({ runBeforeUnload: true });
  await waitFor('closed again', () => statusNow()?.reason === 'SESSION_CLOSED');
  const opened = rig.phone.nextPage();
  const reopened = await rig.agent.control.phones?.reopen(serial);
  assert.equal(reopened?.state, 'connected');
  page = await opened;
  assert.equal(page.url(), url, 'the same session page');
  await mirrored('#headline')
    .filter({ hasText: 'Tandem fixture article' })
    .waitFor({ timeout: 15_000 });
  await waitFor('open again', () => statusNow()?.reason === undefined);
});

test('unplug → gone; replug → a history hit, Tandem’s tab reused, the mirror live again', async () => {
  const tandemTab = page;
  const tabsBefore = rig.phone.pages.length;
  await rig.adb.adb(['disconnect', rig.sim.adbSerial]);
  await waitState(['gone']);
  const opened = rig.phone.nextPage();
  await connectSim(rig.adb, rig.sim);
  const again = await waitState(['connected', 'failed']);
  assert.equal(again.state, 'connected');
  assert.equal(again.decidedBy, 'history');
  page = await opened;
  assert.equal(page, tandemTab, 'the replug loads the new session in Tandem’s tab');
  assert.equal(rig.phone.pages.length, tabsBefore, 'no second tab');
  await mirrored('#headline')
    .filter({ hasText: 'Tandem fixture article' })
    .waitFor({ timeout: 15_000 });
});

test('a phone without a cable joins from the link session URL (the QR code) and sees the mirror', async () => {
  const url = await rig.agent.openLinkSession();
  assert.match(url, new RegExp(`^${rig.agent.serverUrl}/s/[\\w-]+\\?k=[\\w-]+#[\\w-]+$`));
  const linked = await rig.phone.open(url);
  await linked.locator('#peer', { hasText: 'PC connected' }).waitFor();
  await linked
    .frameLocator('#mirror iframe')
    .locator('#headline', { hasText: 'Tandem fixture article' })
    .waitFor({ timeout: 15_000 });
});
