import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chromiumCandidates, findChromium } from './find-chromium.js';

describe('findChromium', () => {
  it('prefers TANDEM_CHROMIUM, then the per-OS locations', () => {
    const env = { TANDEM_CHROMIUM: '/opt/my-chrome' };
    assert.equal(
      findChromium(() => true, 'linux', env),
      '/opt/my-chrome',
    );
    assert.equal(
      findChromium((p) => p === '/usr/bin/google-chrome', 'linux', {}),
      '/usr/bin/google-chrome',
    );
    assert.match(chromiumCandidates('darwin', {})[0] ?? '', /Google Chrome\.app/);
    const windows = chromiumCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' });
    assert.ok(windows.some((p) => p.endsWith('msedge.exe')));
  });

  it('fails with BROWSER_NOT_FOUND when none exists', () => {
    assert.throws(() => findChromium(() => false, 'linux', {}), { code: 'BROWSER_NOT_FOUND' });
  });
});
