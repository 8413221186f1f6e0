// The rrweb mirror as a phone gets it: the agent's recorder in a PC Chromium, its batches through a
// real PhoneSession (batching, gzip parts, sealing) and a real relay on loopback, into the real
// phone page in a second Chromium (Pixel 7 emulation). Bytes are the WebSocket frames the phone
// page received, from the page load (its full snapshot) to the last step.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { pino } from 'pino';
import { devices } from 'playwright-core';
import { AssetProxy } from '../../agent/browser/asset-proxy.js';
import { launchChromiumHost, type ChromiumBrowserHost } from '../../agent/browser/chromium-host.js';
import { launchTestChromium } from '../../testing/chromium.js';
import type { FixtureSite } from '../../testing/fixture-site.js';
import { startBrowserRuntime } from '../../agent/session/browser-runtime.js';
import { PhoneSession } from '../../agent/session/phone-session.js';
import { attachRelay } from '../../server/relay/attach-relay.js';
import { firstViewCondition, type Scenario } from './fixtures.js';
import { playSteps, scenarioResult, scriptMs, sleep, type ScenarioResult } from './measure.js';
import { webSocketFrameBytes } from './wire.js';

// Waits until each of `conds` holds in the replayed document and resolves with two times for each
// (-1: never): `dom`, when the DOM first had it (checked as each mutation lands, before the phone
// renders, and at each scroll), and `shown`, when a task of the phone page first saw it (after that
// rendering). One poll for all of them: a poll per condition would take the phone a core.
const WAIT_FOR = `window.benchWaitAll = (conds, ms) => new Promise((resolve) => {
  const checks = conds.map((cond) => new Function('doc', 'return ' + cond));
  const replayed = () => document.querySelector('#mirror iframe')?.contentDocument;
  const holds = (i) => { const doc = replayed(); try { return Boolean(doc && checks[i](doc)); } catch { return false; } };
  // A snapshot arriving meanwhile replaces the document: then only the polling sees it.
  const doc = replayed();
  const deadline = Date.now() + ms;
  const seen = conds.map(() => ({ dom: -1, shown: -1 }));
  const mark = () => seen.forEach((s, i) => { if (s.dom < 0 && holds(i)) s.dom = Date.now(); });
  const observer = new MutationObserver(mark);
  if (doc) observer.observe(doc, { subtree: true, childList: true, characterData: true, attributes: true });
  doc?.addEventListener('scroll', mark, { capture: true, passive: true });
  const done = () => { observer.disconnect(); doc?.removeEventListener('scroll', mark, { capture: true }); resolve(seen); };
  const tick = () => {
    seen.forEach((s, i) => { if (s.shown < 0 && holds(i)) { s.shown = Date.now(); if (s.dom < 0) s.dom = s.shown; } });
    if (seen.every((s) => s.shown >= 0)) done();
    else if (Date.now() > deadline) { seen.forEach((s) => { if (s.shown < 0) s.dom = -1; }); done(); }
    else setTimeout(tick, 1);
  };
  tick();
});
window.benchWait = (cond, ms) => window.benchWaitAll([cond], ms).then((seen) => seen[0])`;
type Seen = { dom: number; shown: number };

export async function runRrweb(
  site: FixtureSite,
  scenarios: Scenario[],
): Promise<ScenarioResult[]> {
  const app = Fastify({ logger: false });
  const relay = attachRelay(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const server = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-bench-mirror-'));
  let host: ChromiumBrowserHost | undefined;
  const runtime = await startBrowserRuntime({
    dataDir,
    mode: 'headless',
    assets: new AssetProxy(),
    createHost: async () =>
      (host = await launchChromiumHost({ profileDir: join(dataDir, 'profile'), headless: true })),
  });
  const session = new PhoneSession({
    adb: undefined,
    serial: 'bench',
    serverUrl: server,
    reversePort: undefined,
    browser: runtime,
    receivedDir: join(dataDir, 'received'),
    log: pino({ level: 'silent' }),
    onPageClosed: () => undefined,
  });
  const phoneBrowser = await launchTestChromium();
  const results: ScenarioResult[] = [];
  try {
    await session.open(relay.createSession());
    // bypassCSP: the page's CSP forbids eval, which the bench's condition checks use.
    const context = await phoneBrowser.newContext({ ...devices['Pixel 7'], bypassCSP: true });
    const phone = await context.newPage();
    let bytes = 0;
    phone.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        bytes += webSocketFrameBytes(Buffer.byteLength(payload));
      }),
    );
    await phone.goto(session.phoneUrl);
    await phone.locator('#peer', { hasText: 'PC connected' }).waitFor();
    await phone.evaluate(WAIT_FOR);
    const tab = await runtime.open('about:blank');
    const page = (host as ChromiumBrowserHost).pageOf(tab.id);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    for (const scenario of scenarios) {
      await sleep(300);
      bytes = 0;
      const started = Date.now();
      // The page load counts: the top of the page first (a preview while a heavy page still
      // loads: mirror/recorder/early-view.ts), then the whole of it (rrweb's full snapshot). Both
      // are watched from before the navigation, which resolves only once the PC page has loaded.
      const pageSeen = phone.evaluate(
        `benchWaitAll(${JSON.stringify([firstViewCondition(scenario), scenario.ready])}, 30000)`,
      ) as Promise<Seen[]>;
      await runtime.host.navigate(tab.id, site.url(scenario.path));
      const [top, loaded] = (await pageSeen) as [Seen, Seen];
      if (top.shown < 0)
        throw new Error(`${scenario.name}: the page's top never reached the phone`);
      if (loaded.shown < 0) throw new Error(`${scenario.name}: the page never reached the phone`);
      const firstViewMs = top.shown - started;
      const snapshotMs = loaded.shown - started;
      const snapshotBytes = bytes;
      if (scenario.setup) await runtime.host.evaluate(tab.id, scenario.setup);
      await sleep(300);
      // The recorder's running cost (the steps); a navigation may start the metrics afresh.
      const scriptBefore = await scriptMs(cdp);
      const { shown, missed } = await playSteps(scenario.steps, async (step) => {
        const seen = phone.evaluate(
          `benchWait(${JSON.stringify(step.phoneCondition)}, 2000)`,
        ) as Promise<Seen>;
        let changedAt = Date.now();
        if (step.pcExpression) {
          changedAt = await runtime.host.evaluate<number>(
            tab.id,
            `(${step.pcExpression}, Date.now())`,
          );
        }
        if (step.typeText) await runtime.host.insertText(tab.id, step.typeText);
        const at = await seen;
        if (at.dom < 0) return undefined;
        return { dom: Math.max(0, at.dom - changedAt), shown: Math.max(0, at.shown - changedAt) };
      });
      results.push(
        scenarioResult({
          scenario: scenario.name,
          mode: 'rrweb',
          startedAt: started,
          endedAt: Date.now(),
          bytes,
          initialBytes: snapshotBytes,
          initialMs: snapshotMs,
          firstViewMs,
          latencies: shown.map((at) => at.dom),
          missed,
          shownLatencies: shown.map((at) => at.shown),
          pcScriptMs: (await scriptMs(cdp)) - scriptBefore,
        }),
      );
    }
    await context.close();
  } finally {
    await session.close({ phoneAttached: false });
    await Promise.all([phoneBrowser.close(), runtime.stop()]);
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
