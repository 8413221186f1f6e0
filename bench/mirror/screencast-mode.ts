// The pixel-streaming baseline: a CDP screencast (JPEG, the phone's viewport in device pixels)
// of the same PC page, with no recorder in it. Latency: PC change → the first frame after it.
import { chromium } from 'playwright-core';
import { findChromium } from '../../agent/browser/find-chromium.js';
import type { FixtureSite } from '../../agent/browser/test-kit.js';
import type { Scenario } from './fixtures.js';
import { percentile } from '../support/results.js';
import { scriptMs, sleep, type ScenarioResult } from './measure.js';

export async function runScreencast(
  site: FixtureSite,
  scenarios: Scenario[],
): Promise<ScenarioResult[]> {
  const noSandbox = process.getuid?.() === 0 || Boolean(process.env.CI);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...(noSandbox ? ['--no-sandbox'] : []), '--disable-gpu'],
  });
  const results: ScenarioResult[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    let bytes = 0;
    const frames: number[] = [];
    cdp.on('Page.screencastFrame', (frame: { data: string; sessionId: number }) => {
      bytes += Buffer.byteLength(frame.data, 'base64');
      frames.push(Date.now());
      void cdp
        .send('Page.screencastFrameAck', { sessionId: frame.sessionId })
        .catch(() => undefined);
    });
    for (const scenario of scenarios) {
      await page.goto(site.url(scenario.path));
      if (scenario.setup) await page.evaluate(scenario.setup);
      await cdp.send('Page.startScreencast', {
        format: 'jpeg',
        quality: 70,
        maxWidth: 1080,
        maxHeight: 2340,
      });
      await sleep(300);
      bytes = 0;
      const scriptBefore = await scriptMs(cdp);
      const started = Date.now();
      const latencies: number[] = [];
      let missed = 0;
      for (const step of scenario.steps) {
        let changedAt = Date.now();
        if (step.pcExpression)
          changedAt = (await page.evaluate(`(${step.pcExpression}, Date.now())`)) as number;
        if (step.typeText) await page.keyboard.insertText(step.typeText);
        const deadline = Date.now() + 2000;
        let at: number | undefined;
        while (at === undefined && Date.now() < deadline) {
          at = frames.find((t) => t >= changedAt);
          if (at === undefined) await sleep(2);
        }
        if (at === undefined) missed++;
        else latencies.push(at - changedAt);
        await sleep(100);
      }
      await cdp.send('Page.stopScreencast');
      const seconds = (Date.now() - started) / 1000;
      results.push({
        scenario: scenario.name,
        mode: 'screencast',
        seconds,
        bytes,
        bytesPerSecond: bytes / seconds,
        latencyMs: {
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          samples: latencies.length,
          missed,
        },
        pcScriptMs: (await scriptMs(cdp)) - scriptBefore,
      });
      frames.length = 0;
    }
  } finally {
    await browser.close();
  }
  return results;
}
