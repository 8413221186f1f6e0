// "Send the selection" against a real headless Chromium page: a focused field's selected part is
// sent, a password field never is (not its value, not Chromium's bullets for it).
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { TabInfo } from '../browser/browser-host.js';
import {
  launchTestHost,
  startFixtureSite,
  type FixtureSite,
  type TestHost,
} from '../../testing/fixture-site.js';
import type { BrowserRuntime } from './browser-runtime.js';
import { shownPageOf, type ShownPage } from './send-to-phone.js';
import { waitFor } from '../../testing/wait.js';

let site: FixtureSite;
let test: TestHost;
let tab: TabInfo;
let page: ShownPage;

before(async () => {
  site = await startFixtureSite();
  test = await launchTestHost();
  tab = await test.host.open(site.url('/form.html'));
  await waitFor('the form', () => test.host.evaluate(tab.id, `document.readyState === 'complete'`));
  const runtime = { host: test.host, mirror: { shownTabId: () => tab.id } };
  page = shownPageOf(runtime as unknown as BrowserRuntime);
});
after(async () => {
  await test.cleanup();
  await site.close();
});

const selectAll = (selector: string) =>
  test.host.evaluate(tab.id, `document.querySelector(${JSON.stringify(selector)}).select()`);

it('sends the selected part of a focused text field', async () => {
  await selectAll('#name');
  assert.equal(await page.selection(tab.id), 'initial');
});

it('never reads a focused password field', async () => {
  await selectAll('#pw');
  assert.equal(
    await test.host.evaluate(tab.id, `document.activeElement.id`),
    'pw',
    'the password field is focused and selected',
  );
  assert.equal(await page.selection(tab.id), '');
});
