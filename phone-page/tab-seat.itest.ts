// The same session link in a second tab on the phone: it says plainly that Tandem is open in
// another tab (no "reconnecting" loop on the taken seat), "Use here" moves the session to it, and
// the first tab then says it moved, with its own "Use here" to take it back.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { devices, type Browser } from 'playwright-core';
import { launchTestChromium } from '../testing/chromium.js';
import {
  nodeTerminal,
  sessionUrls,
  startRelayServer,
  type RelayServer,
} from '../testing/relay-server.js';

describe('one session, two tabs on the phone', () => {
  let server: RelayServer;
  let browser: Browser;
  before(async () => {
    server = await startRelayServer({});
    browser = await launchTestChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('tells the second tab, and "Use here" moves the session back and forth', async () => {
    const urls = sessionUrls(server);
    const pc = nodeTerminal(urls.pc, 'pc').client.start();
    const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'en-US' });
    const first = await context.newPage();
    await first.goto(urls.phone);
    await first.locator('#peer', { hasText: 'PC connected' }).waitFor();

    const second = await context.newPage();
    await second.goto(urls.phone);
    await second
      .locator('#seat-notice', { hasText: 'Tandem is open in another tab on this phone.' })
      .waitFor();
    assert.doesNotMatch(await second.locator('#status').innerText(), /reconnecting/i);
    assert.equal(await first.locator('#seat-notice').isVisible(), false, 'the first keeps it');
    assert.match(await first.locator('#peer').innerText(), /PC connected/);

    await second.getByRole('button', { name: 'Use here' }).click();
    await second.locator('#peer', { hasText: 'PC connected' }).waitFor();
    assert.equal(await second.locator('#seat-notice').isVisible(), false);
    await first
      .locator('#seat-notice', { hasText: 'Tandem moved to another tab on this phone.' })
      .waitFor();

    // And back: the first tab's own "Use here".
    await first.getByRole('button', { name: 'Use here' }).click();
    await first.locator('#peer', { hasText: 'PC connected' }).waitFor();
    await second.locator('#seat-notice', { hasText: 'Tandem moved to another tab' }).waitFor();
    await context.close();
    pc.close();
  });
});
