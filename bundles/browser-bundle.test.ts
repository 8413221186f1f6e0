// From the sources, bundles/browser-bundle.ts bundles each browser script once per process with the
// options of browser-bundle-specs.ts; app-file.ts resolves the app's files from the repository root.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { appFile, RUNNING_BUILT } from './app-file.js';
import { browserBundle } from './browser-bundle.js';
import { BROWSER_BUNDLES, browserBundleNames, REPLAYER_GLOBAL } from './browser-bundle-specs.js';

test('from the sources: not built, and the app files are found at the repository root', () => {
  assert.equal(RUNNING_BUILT, false);
  assert.ok(existsSync(appFile('phone-page/phone-page.html')));
  assert.ok(existsSync(appFile('desktop-ui/index.html')));
  for (const name of browserBundleNames)
    assert.ok(existsSync(appFile(BROWSER_BUNDLES[name].entry)));
});

test('each bundle is built once per process and is a browser script, not modules', async () => {
  for (const name of browserBundleNames) {
    const first = browserBundle(name);
    assert.equal(browserBundle(name), first, `${name} is kept`);
    const text = await first;
    // The takeover confirmation page's script is small on purpose: its words and one request.
    const floor = name === 'takeover-page' ? 2_000 : 10_000;
    assert.ok(text.length > floor, `${name} holds its dependencies`);
    assert.doesNotMatch(text, /^import\s|\brequire\(["']/m, `${name} imports nothing`);
  }
  assert.match(await browserBundle('replayer'), new RegExp(`var ${REPLAYER_GLOBAL}=`));
  assert.match(await browserBundle('takeover-page'), /Move to this computer/);
});
