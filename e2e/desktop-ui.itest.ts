// The desktop UI as a person meets it: an empty state with the one-time setup, then a connected
// phone and one waiting for "Allow". One status line tells the whole truth, send controls show only
// on the connected card, the unauthorized card shows the steps and the help, no code is in the
// person's face (only under "Details"), the language follows the system and the switch is
// remembered, and axe-core finds nothing serious in light or dark, English or Chinese.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { seriousAxeViolations } from '../testing/axe.js';
import { launchTestChromium } from '../testing/chromium.js';
import { connectSim } from '../testing/connect-sim.js';
import { luhnComplete, startPhoneSim, type PhoneSim } from '../testing/simulated-phone.js';
import { waitForPhoneState } from '../testing/wait-state.js';
import { useWalkRig } from '../testing/walk-rig.js';

const rig = useWalkRig('35693803564511');
let desktop: Browser | undefined;
let waiting: PhoneSim | undefined;

after(async () => {
  await desktop?.close();
  await waiting?.close();
});

async function openUi(
  options: { locale?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<Page> {
  desktop ??= await launchTestChromium();
  const context = await desktop.newContext({
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    // axe-core is injected as an inline script, which the UI's own CSP rightly refuses.
    bypassCSP: true,
  });
  const page = await context.newPage();
  await page.goto(rig.agent.uiUrl);
  return page;
}

/** What a person reads: rendered text only, so a closed "Details" does not count. */
const visibleText = (page: Page) => page.locator('body').innerText();
const CODE = /\b[A-Z][A-Z0-9]+_[A-Z0-9_]+\b/;

async function assertAxeClean(page: Page, what: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 2)}`);
}

test('with no phone: the ready line, the empty state and the one-time setup', async () => {
  const ui = await openUi();
  await ui.locator('#connection', { hasText: 'Ready: plug in an Android phone' }).waitFor();
  assert.equal(await ui.locator('#no-phones').isVisible(), true);
  assert.match(
    await ui.locator('#no-phones').innerText(),
    /Plug in an Android phone with a USB cable/,
  );
  assert.equal(await ui.locator('#setup').getAttribute('open'), '', 'the setup steps are open');
  assert.equal(await ui.locator('#setup-steps li').count(), 3);
  assert.match(await ui.locator('#setup-steps').innerText(), /USB debugging/);
  await assertAxeClean(ui, 'empty, light');
  const dark = await openUi({ colorScheme: 'dark' });
  await dark.locator('#connection', { hasText: 'Ready' }).waitFor();
  await assertAxeClean(dark, 'empty, dark');
});

test('a connected phone and one waiting for Allow: the truth in one line, actions by state', async () => {
  const opened = rig.phone.nextPage();
  await connectSim(rig.adb, rig.sim);
  await waitForPhoneState(rig.agent.orchestrator, rig.sim.adbSerial, ['connected']);
  await opened;
  waiting = await startPhoneSim({
    profile: 'android-14',
    imei: luhnComplete('35693803564529'),
    unauthorized: true,
  });
  await connectSim(rig.adb, waiting, { expect: 'unauthorized' });
  await waitForPhoneState(rig.agent.orchestrator, waiting.adbSerial, ['unauthorized']);

  const ui = await openUi();
  const line = ui.locator('#connection');
  await line.filter({ hasText: '2 phones: 1 connected, 1 needs USB debugging allowed' }).waitFor();
  const connected = ui.locator('#phones li[data-state="connected"]');
  const unauthorized = ui.locator('#phones li[data-state="unauthorized"]');
  await connected.waitFor();
  await unauthorized.waitFor();
  assert.equal(await connected.locator('.badge').innerText(), 'Connected');
  assert.equal(await connected.locator('.send').isVisible(), true);
  assert.equal(await unauthorized.locator('.send').isVisible(), false, 'no send while not allowed');
  assert.equal(await ui.locator('.send:visible').count(), 1);
  const sendLabels = await connected.locator('button').allInnerTexts();
  assert.equal(new Set(sendLabels).size, sendLabels.length, `no two buttons alike: ${sendLabels}`);
  assert.match(await unauthorized.locator('.steps').innerText(), /Tap “Allow”/);
  await unauthorized.getByText('The prompt did not appear?').click();
  assert.match(await unauthorized.locator('.help').innerText(), /Revoke USB debugging/);
  assert.match(await unauthorized.locator('.help').innerText(), /File transfer/);
  assert.doesNotMatch(await visibleText(ui), CODE, 'no code in the person’s face');
  assert.doesNotMatch(await visibleText(ui), /\bbytes\b|connected \d+×/);
  await assertAxeClean(ui, 'two phones, en light');

  // A refusal: the sentence in words, the code only once Details is opened.
  await ui.evaluate(() => getSelection()?.removeAllRanges());
  await connected.getByRole('button', { name: 'Send the selected text' }).click();
  const result = connected.locator('.send-result.error');
  await result.filter({ hasText: 'Nothing is selected on the PC page' }).waitFor();
  assert.doesNotMatch(await result.innerText(), CODE);
  await result.locator('summary').click();
  assert.match(await result.innerText(), /NOTHING_SELECTED/);
});

test('Chinese from the system, a remembered switch, and axe in both schemes', async () => {
  const ui = await openUi({ locale: 'zh-CN', colorScheme: 'dark' });
  await ui
    .locator('#connection', { hasText: '2 部手机：1 部已连接，1 部需要允许 USB 调试' })
    .waitFor();
  assert.equal(await ui.locator('html').getAttribute('lang'), 'zh-CN');
  assert.equal(await ui.locator('#phones-title').innerText(), '手机');
  assert.doesNotMatch(await visibleText(ui), CODE);
  await assertAxeClean(ui, 'two phones, zh-CN dark');

  await ui.locator('#language').selectOption('en');
  await ui.locator('#phones-title', { hasText: 'Phones' }).waitFor();
  assert.deepEqual(rig.agent.control.settings.get(), { language: 'en' });
  await ui.reload();
  await ui.locator('#connection', { hasText: '2 phones' }).waitFor();
  assert.equal(await ui.locator('#language').inputValue(), 'en');
  await assertAxeClean(ui, 'two phones, en dark');

  await ui.locator('#language').selectOption('system');
  await ui.locator('#phones-title', { hasText: '手机' }).waitFor();
  assert.deepEqual(rig.agent.control.settings.get(), {});
});

test('the inbox folder is shown and can be changed, and changed back', async () => {
  const ui = await openUi();
  const folder = ui.locator('#inbox-folder');
  await folder.locator('.folder-path', { hasText: rig.inboxDir }).waitFor();
  await folder.getByRole('button', { name: 'Change' }).click();
  const input = folder.getByRole('textbox', { name: 'Folder for files from phones (a full path)' });
  await input.fill('relative/folder');
  await folder.getByRole('button', { name: 'Save' }).click();
  await folder.locator('.send-result.error', { hasText: 'Give a full path' }).waitFor();
  assert.equal(rig.agent.control.settings.get().inboxDir, undefined, 'nothing saved');
  const chosen = `${rig.inboxDir}-chosen`;
  await input.fill(chosen);
  await folder.getByRole('button', { name: 'Save' }).click();
  await folder.locator('.folder-path', { hasText: chosen }).waitFor();
  assert.equal(rig.agent.control.settings.get().inboxDir, chosen);
  await folder.getByRole('button', { name: 'Change' }).click();
  await folder.getByRole('button', { name: 'Use Downloads/Tandem' }).click();
  await folder.locator('.folder-path', { hasText: rig.inboxDir }).waitFor();
  assert.equal(rig.agent.control.settings.get().inboxDir, undefined);
});
