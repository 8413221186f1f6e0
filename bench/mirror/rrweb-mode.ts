// The rrweb mirror: the agent's recorder in the PC page, batches forwarded in order to a replayer
// page in a second Chromium (mobile emulation). Loopback, no relay server in between.
import { startMirrorStream } from '../../agent/browser/mirror-stream.js';
import { launchTestHost, type FixtureSite } from '../../agent/browser/test-kit.js';
import { launchTestPhone } from '../../mirror/replayer/phone-kit.js';
import type { Scenario } from './fixtures.js';
import { percentile } from '../support/results.js';
import { scriptMs, sleep, type ScenarioResult } from './measure.js';

const WAIT_FOR = `window.benchWait = (cond, ms) => new Promise((resolve) => {
  const check = new Function('doc', 'return ' + cond);
  const deadline = Date.now() + ms;
  const tick = () => {
    const doc = document.querySelector('#mirror iframe')?.contentDocument;
    let ok = false;
    try { ok = Boolean(doc && check(doc)); } catch {}
    if (ok) resolve(Date.now()); else if (Date.now() > deadline) resolve(-1); else setTimeout(tick, 1);
  };
  tick();
})`;

export async function runRrweb(
  site: FixtureSite,
  scenarios: Scenario[],
): Promise<ScenarioResult[]> {
  const [pc, phone] = await Promise.all([launchTestHost(), launchTestPhone()]);
  const results: ScenarioResult[] = [];
  try {
    const mirror = await startMirrorStream(pc.host);
    let bytes = 0;
    let delivery = Promise.resolve();
    mirror.onShownBatch((_tab, batch) => {
      const wire = JSON.stringify(batch.events);
      bytes += Buffer.byteLength(wire);
      delivery = delivery.then(() => phone.page.evaluate(`window.view.addEvents(${wire})`));
    });
    await phone.page.evaluate(WAIT_FOR);
    const tab = await pc.host.open('about:blank');
    const cdp = await pc.host.pageOf(tab.id).context().newCDPSession(pc.host.pageOf(tab.id));
    await cdp.send('Performance.enable');
    for (const scenario of scenarios) {
      await pc.host.navigate(tab.id, site.url(scenario.path));
      // The page load (its full snapshot) is left out, as the screencast's first frame is: the
      // phone must have the whole page before the measured steps begin.
      await phone.page.evaluate(`benchWait(${JSON.stringify(scenario.ready)}, 20000)`);
      if (scenario.setup) await pc.host.evaluate(tab.id, scenario.setup);
      await sleep(300);
      await delivery;
      bytes = 0;
      const scriptBefore = await scriptMs(cdp);
      const started = Date.now();
      const latencies: number[] = [];
      let missed = 0;
      for (const step of scenario.steps) {
        const shown = phone.page.evaluate(
          `benchWait(${JSON.stringify(step.phoneCondition)}, 2000)`,
        ) as Promise<number>;
        let changedAt = Date.now();
        if (step.pcExpression)
          changedAt = await pc.host.evaluate<number>(tab.id, `(${step.pcExpression}, Date.now())`);
        if (step.typeText) await pc.host.insertText(tab.id, step.typeText);
        const at = await shown;
        if (at < 0) missed++;
        else latencies.push(Math.max(0, at - changedAt));
        await sleep(100);
      }
      await delivery;
      const seconds = (Date.now() - started) / 1000;
      results.push({
        scenario: scenario.name,
        mode: 'rrweb',
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
    }
    mirror.stop();
  } finally {
    await Promise.all([pc.cleanup(), phone.close()]);
  }
  return results;
}
