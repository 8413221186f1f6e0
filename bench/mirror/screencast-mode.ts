// The pixel-streaming baseline: a CDP screencast (JPEG, the phone's viewport in device pixels) of
// the same PC page, with no recorder in it. Each frame is counted as it would reach the phone over
// the same relay (a latest-wins message, sealed, in a `fwd` frame), from the page load (its first
// frame) to the last step. Latency: PC change → the first frame after it; every step waits for one.
import { launchTestChromium } from '../../testing/chromium.js';
import type { FixtureSite } from '../../testing/fixture-site.js';
import type { Scenario } from './fixtures.js';
import { playSteps, scenarioResult, scriptMs, sleep, type ScenarioResult } from './measure.js';
import { relayedMessageBytes } from './wire.js';

/** The message a screencast phone would get: `{"type":"screen.frame","jpeg":"<base64>"}`. */
const frameBytes = (base64: string): number =>
  relayedMessageBytes(
    'screen.frame',
    base64.length + '{"type":"screen.frame","jpeg":""}'.length,
    'latest',
  );

export async function runScreencast(
  site: FixtureSite,
  scenarios: Scenario[],
): Promise<ScenarioResult[]> {
  const browser = await launchTestChromium();
  const results: ScenarioResult[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    let bytes = 0;
    const frames: number[] = [];
    cdp.on('Page.screencastFrame', (frame: { data: string; sessionId: number }) => {
      bytes += frameBytes(frame.data);
      frames.push(Date.now());
      void cdp
        .send('Page.screencastFrameAck', { sessionId: frame.sessionId })
        .catch(() => undefined);
    });
    const frameAfter = async (at: number, ms: number): Promise<number | undefined> => {
      const deadline = Date.now() + ms;
      for (;;) {
        const frame = frames.find((t) => t >= at);
        if (frame !== undefined || Date.now() > deadline) return frame;
        await sleep(2);
      }
    };
    await cdp.send('Page.startScreencast', {
      format: 'jpeg',
      quality: 70,
      maxWidth: 1080,
      maxHeight: 2340,
    });
    for (const scenario of scenarios) {
      await sleep(300);
      bytes = 0;
      frames.length = 0;
      const started = Date.now();
      await page.goto(site.url(scenario.path));
      // The first view: the first frame after the page loaded.
      const firstFrame = await frameAfter(Date.now(), 5000);
      const initialMs = (firstFrame ?? Date.now()) - started;
      const initialBytes = bytes;
      if (scenario.setup) await page.evaluate(scenario.setup);
      await sleep(300);
      const scriptBefore = await scriptMs(cdp);
      const { shown: latencies, missed } = await playSteps(scenario.steps, async (step) => {
        let changedAt = Date.now();
        if (step.pcExpression)
          changedAt = (await page.evaluate(`(${step.pcExpression}, Date.now())`)) as number;
        if (step.typeText) await page.keyboard.insertText(step.typeText);
        const at = await frameAfter(changedAt, 2000);
        return at === undefined ? undefined : at - changedAt;
      });
      results.push(
        scenarioResult({
          scenario: scenario.name,
          mode: 'screencast',
          startedAt: started,
          endedAt: Date.now(),
          bytes,
          initialBytes,
          initialMs,
          latencies,
          missed,
          pcScriptMs: (await scriptMs(cdp)) - scriptBefore,
        }),
      );
    }
    await cdp.send('Page.stopScreencast');
  } finally {
    await browser.close();
  }
  return results;
}
