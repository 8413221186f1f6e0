// "Use it on this computer", as a person does it: the phone is bound to another computer (a second
// shadow account on the same server), this computer's card offers the takeover, the confirmation
// page opens on the (simulated) phone over USB, the person taps "Move to this computer" there, the
// phone pairs here, and the other computer is told BINDING_MOVED at its next lookup and touch.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { PairingClient } from '../testing/agent-pairing-client.js';
import { seriousAxeViolations } from '../testing/axe.js';
import { launchTestChromium } from '../testing/chromium.js';
import { connectSim } from '../testing/connect-sim.js';
import { luhnComplete } from '../testing/simulated-phone.js';
import { waitForPhoneState } from '../testing/wait-state.js';
import { useWalkRig } from '../testing/walk-rig.js';

const IMEI14 = '35693803564620';
const rig = useWalkRig(IMEI14, { browser: 'off' });
let desktop: Browser | undefined;

after(async () => {
  await desktop?.close();
});

test('a phone bound elsewhere moves here only when the person confirms on the phone', async () => {
  const identity = { kind: 'imei' as const, value: luhnComplete(IMEI14) };
  const other = new PairingClient({ serverUrl: rig.agent.serverUrl });
  await other.register();
  await other.bind(identity);

  await connectSim(rig.adb, rig.sim);
  const serial = rig.sim.adbSerial;
  const orchestrator = rig.agent.orchestrator;
  await waitForPhoneState(orchestrator, serial, ['bound-elsewhere']);

  desktop = await launchTestChromium();
  // axe-core is injected as an inline script, which the UI's own CSP rightly refuses.
  const ui = await (await desktop.newContext({ locale: 'en-US', bypassCSP: true })).newPage();
  await ui.goto(rig.agent.uiUrl);
  const card = ui.locator('li.phone[data-state="bound-elsewhere"]');
  await card.getByRole('button', { name: 'Check again' }).click();
  await card.getByText('Still paired with another computer.').waitFor();

  const confirmation = rig.phone.nextPage();
  await card.getByRole('button', { name: 'Use it on this computer' }).click();
  const page = await confirmation;
  await card.getByText('Now unlock the phone and tap “Move to this computer” there.').waitFor();
  assert.match(new URL(page.url()).pathname, /^\/takeover$/);
  assert.equal(new URL(page.url()).hash, '', 'the ticket left the address bar');
  const move = page.getByRole('button', { name: 'Move to this computer' });
  await move.waitFor();
  assert.ok(await page.getByRole('button', { name: 'Cancel' }).isVisible());
  await ui.screenshot({ path: '/tmp/takeover-desktop-waiting.png' });
  assert.deepEqual(await seriousAxeViolations(ui), [], 'the bound-elsewhere card, axe-clean');
  await page.screenshot({ path: '/tmp/takeover-phone-confirm.png' });

  // Nothing moved before the tap.
  assert.equal(await other.lookup(identity), 'bound-to-you');
  assert.equal(orchestrator.phone(serial)?.current, 'bound-elsewhere');

  await move.click();
  await page.getByText('Done.', { exact: false }).waitFor();
  await page.screenshot({ path: '/tmp/takeover-phone-done.png' });
  const paired = await waitForPhoneState(orchestrator, serial, ['connected', 'failed']);
  assert.equal(paired.state, 'connected');
  assert.equal(paired.decidedBy, 'server');

  await assert.rejects(other.lookup(identity), { code: 'BINDING_MOVED' });
  await assert.rejects(other.touch(identity), { code: 'BINDING_MOVED' });
  await assert.rejects(other.bind(identity), { code: 'BINDING_CONFLICT' });
});

test('the confirmation page in Chinese, and a used ticket is told in words', async () => {
  const chromium = (desktop ??= await launchTestChromium());
  const context = await chromium.newContext({ locale: 'zh-CN', colorScheme: 'dark' });
  const page = await context.newPage();
  const server = rig.agent.serverUrl;
  await page.goto(`${server}/takeover#${'A'.repeat(60)}`);
  const move = page.getByRole('button', { name: '移到这台电脑' });
  await move.waitFor();
  await page.screenshot({ path: '/tmp/takeover-phone-zh-dark.png' });
  await move.click();
  await page.getByText('此请求已不适用于这部手机').waitFor();
  assert.equal(await page.locator('#code').textContent(), 'TAKEOVER_TICKET_WRONG_PHONE');
  assert.equal(await page.locator('#details').getAttribute('open'), null, 'the code stays folded');
  await context.close();
});
