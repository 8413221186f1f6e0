// "Send to phone" from the PC, end to end: the spawned `tandem send` CLI asks the in-process agent,
// which sends the PC page's selection, its address or a fixture image through the relay to the
// simulated phone's browser (real Chromium reaching the agent only over the sim's adb reverse);
// the phone page's inbox shows each. Setup as in walk.itest.ts.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tandemBin as tandem } from '../testing/tandem-cli.js';
import type { Browser, Page } from 'playwright-core';
import { launchTestChromium } from '../testing/chromium.js';
import { connectSim } from '../testing/connect-sim.js';
import { useWalkRig } from '../testing/walk-rig.js';
import { SELECT_HEADLINE } from '../testing/fixture-site.js';
import { waitForPhoneState } from '../testing/wait-state.js';

const run = promisify(execFile);
const rig = useWalkRig('35693803564381');
let page: Page;
let desktop: Browser | undefined;

after(async () => {
  await desktop?.close();
});

/** Runs `tandem send …` as a separate process; resolves with its exit code and output. */
async function send(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [
      tandem,
      'send',
      ...args,
      '--data',
      rig.dataDir,
    ]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const pcTab = () => rig.agent.browser?.mirror.shownTabId() as string;
const onPc = <T>(expression: string) => rig.agent.browser!.host.evaluate<T>(pcTab(), expression);

test('the phone connects and the PC shows the fixture article', async () => {
  const opened = rig.phone.nextPage();
  const status = waitForPhoneState(rig.agent.orchestrator, rig.sim.adbSerial, [
    'connected',
    'failed',
    'bound-elsewhere',
  ]);
  await connectSim(rig.adb, rig.sim);
  assert.equal((await status).state, 'connected');
  page = await opened;
  await page.locator('#peer', { hasText: 'PC connected' }).waitFor();
  await rig.agent.browser!.open(rig.site.url('/article.html'));
  await page.locator('#view-inbox').waitFor({ state: 'visible', timeout: 15_000 });
  await page.click('#view-inbox');
});

test('with nothing selected, tandem send --selection fails with NOTHING_SELECTED', async () => {
  await onPc(`getSelection().removeAllRanges()`);
  const result = await send('--selection');
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, /\[NOTHING_SELECTED\]/);
  assert.equal(await page.locator('#inbox .text').count(), 0, 'nothing reached the phone');
});

test('the text selected on the PC page arrives in the phone inbox', async () => {
  await onPc(SELECT_HEADLINE);
  const result = await send('--selection');
  assert.equal(result.code, 0, result.stderr);
  assert.match(
    result.stdout,
    new RegExp(`Sent the selection \\(22 characters\\) to ${rig.sim.adbSerial}`),
  );
  await page.locator('#inbox .text', { hasText: 'Tandem fixture article' }).waitFor();
});

test('--link sends the shown page, with its title', async () => {
  const result = await send('--link');
  assert.equal(result.code, 0, result.stderr);
  await page
    .locator(`#inbox .link a.body[href="${rig.site.url('/article.html')}"]`, { hasText: 'Article' })
    .waitFor();
});

test('--image sends the fixture image; it shows in the inbox', async () => {
  const result = await send(
    '--image',
    rig.site.url('/pixel.png'),
    '--to',
    rig.sim.adbSerial,
    '--json',
  );
  assert.equal(result.code, 0, result.stderr);
  const sent = JSON.parse(result.stdout) as { kind: string; size: number };
  assert.equal(sent.kind, 'image');
  assert.ok(sent.size > 0);
  const image = page.locator('#inbox img[alt="pixel.png"]');
  await image.waitFor();
  await page.waitForFunction(
    () => (document.querySelector('#inbox img') as HTMLImageElement | null)?.naturalWidth === 1,
  );
});

test('a phone that is not connected, and a URL that is not an image, are refused by code', async () => {
  const wrong = await send('--text', 'hello', '--to', '****0000');
  assert.notEqual(wrong.code, 0);
  assert.match(wrong.stderr, /\[PHONE_NOT_FOUND\]/);
  const notImage = await send('--image', rig.site.url('/article.html'));
  assert.notEqual(notImage.code, 0);
  assert.match(notImage.stderr, /\[IMAGE_NOT_AN_IMAGE\]/);
  assert.equal(await page.locator('#inbox .item').count(), 3, 'only the three sends arrived');
});

test('the desktop UI sends typed text to the phone and shows a refusal with its code under Details', async () => {
  desktop = await launchTestChromium();
  const ui = await desktop.newPage();
  await ui.goto(rig.agent.uiUrl);
  const item = ui.locator('#phones li[data-state="connected"]');
  await item.getByRole('textbox', { name: 'Text to send' }).fill('typed in the Tandem window');
  await item.getByRole('button', { name: 'Send text', exact: true }).click();
  await item.locator('.send-result', { hasText: 'Sent the text (26 characters).' }).waitFor();
  await page.locator('#inbox .text', { hasText: 'typed in the Tandem window' }).waitFor();
  await onPc(`getSelection().removeAllRanges()`);
  await item.getByRole('button', { name: 'Send the selected text' }).click();
  await item.locator('.send-result.error', { hasText: '[NOTHING_SELECTED]' }).waitFor();
});
