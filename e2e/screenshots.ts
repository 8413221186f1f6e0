// `npm run screenshots`: pictures of both UIs for the README, made from the real thing. A headless
// agent, a simulated phone on a private adb server and the phone's browser (Chromium at 393×852)
// walk the product: the desktop UI empty, then with a connected phone, a phone waiting for "Allow",
// the PC browser and the inbox; the phone page mirroring an article and showing its inbox. Each in
// light and dark, English and Simplified Chinese, into docs/screenshots/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchTestChromium } from '../testing/chromium.js';
import { connectSim } from '../testing/connect-sim.js';
import { waitForPhoneState } from '../testing/wait-state.js';
import { startWalkRig } from '../testing/walk-rig.js';
import { luhnComplete, startPhoneSim } from '../testing/simulated-phone.js';

const outDir = join(import.meta.dirname, '..', 'docs', 'screenshots');
const schemes = ['light', 'dark'] as const;
const languages = [
  { tag: 'en', locale: 'en-US' },
  { tag: 'zh-CN', locale: 'zh-CN' },
] as const;

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  for (const language of languages) await walk(language);
  process.stdout.write(`screenshots written to ${outDir}\n`);
}

async function walk(language: (typeof languages)[number]): Promise<void> {
  const rig = await startWalkRig('35693803564412', {}, { phoneLocale: language.locale });
  const desktop = await launchTestChromium();
  try {
    const shootDesktop = async (name: string) => {
      for (const scheme of schemes) {
        const context = await desktop.newContext({
          locale: language.locale,
          colorScheme: scheme,
          viewport: { width: 1000, height: 800 },
        });
        const ui = await context.newPage();
        await ui.goto(rig.agent.uiUrl);
        await ui.locator('#connection').filter({ hasNotText: '…' }).waitFor();
        await ui.waitForTimeout(300); // one more poll: the inbox and the tabs fill in
        await ui.screenshot({
          path: file(`desktop-${name}`, language.tag, scheme),
          fullPage: true,
        });
        await context.close();
      }
    };
    await shootDesktop('empty');

    const opened = rig.phone.nextPage();
    await connectSim(rig.adb, rig.sim);
    await waitForPhoneState(rig.agent.orchestrator, rig.sim.adbSerial, ['connected']);
    const phone = await opened;
    await rig.agent.control.open?.(rig.site.url('/article.html'));
    await phone.locator('#mirror iframe').waitFor({ timeout: 15_000 });
    await phoneSends(phone, language.tag === 'en' ? 'Meeting notes for Friday' : '周五的会议记录');
    await rig.agent.control.send?.({
      kind: 'text',
      text: language.tag === 'en' ? 'Call Ana back at 5' : '五点给安娜回电话',
    });
    await rig.agent.control.send?.({ kind: 'link' });

    const waiting = await startPhoneSim({
      profile: 'android-14',
      imei: luhnComplete('35693803564420'),
      unauthorized: true,
    });
    try {
      await connectSim(rig.adb, waiting, { expect: 'unauthorized' });
      await waitForPhoneState(rig.agent.orchestrator, waiting.adbSerial, ['unauthorized']);
      await shootDesktop('phones');
    } finally {
      await waiting.close();
    }
    await shootPhone(phone, language.tag);
  } finally {
    await desktop.close();
    await rig.stop();
  }
}

/** The phone sends text and a link to the PC, so the desktop inbox has something in it. */
async function phoneSends(phone: Page, text: string): Promise<void> {
  await phone.click('#view-inbox');
  for (const message of [text, 'https://example.org/tandem']) {
    await phone.fill('#send-text', message);
    await phone.click('#send-button');
  }
  await phone.click('#view-mirror');
}

async function shootPhone(phone: Page, tag: string): Promise<void> {
  for (const scheme of schemes) {
    await phone.emulateMedia({ colorScheme: scheme });
    await phone.click('#view-mirror');
    await phone.screenshot({ path: file('phone-mirror', tag, scheme) });
    await phone.click('#view-inbox');
    await phone.screenshot({ path: file('phone-inbox', tag, scheme) });
  }
  await phone.click('#view-mirror');
}

function file(name: string, tag: string, scheme: string): string {
  return join(outDir, `${name}-${tag}-${scheme}.png`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `screenshots failed: ${String(error instanceof Error ? error.stack : error)}\n`,
    );
    process.exit(1);
  },
);
