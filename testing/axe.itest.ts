// The axe-core kit finds what it must: a page with an unnamed button and an image without alt
// fails, the same page fixed passes (so "zero violations" in the UI tests means something).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seriousAxeViolations } from './axe.js';
import { launchTestChromium } from './chromium.js';

test('axe reports serious violations and none once fixed', async () => {
  const browser = await launchTestChromium();
  try {
    const page = await browser.newPage();
    await page.setContent(
      '<html lang="en"><title>t</title><main><button></button><img src="data:,"></main></html>',
    );
    const found = (await seriousAxeViolations(page)).map((v) => v.id).sort();
    assert.deepEqual(found, ['button-name', 'image-alt']);
    await page.setContent(
      '<html lang="en"><title>t</title><main><button>Go</button><img src="data:," alt="dot"></main></html>',
    );
    assert.deepEqual(await seriousAxeViolations(page), []);
  } finally {
    await browser.close();
  }
});
