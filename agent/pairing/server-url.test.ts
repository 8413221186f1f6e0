import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeServerUrl } from './server-url.js';

describe('normalizeServerUrl', () => {
  it('gives one spelling per server', () => {
    assert.equal(normalizeServerUrl('http://127.0.0.1:7341/'), 'http://127.0.0.1:7341');
    assert.equal(
      normalizeServerUrl('HTTP://Example.com:443/pair//'),
      'http://example.com:443/pair',
    );
    assert.equal(normalizeServerUrl('https://example.com:443/?q=1#x'), 'https://example.com');
  });

  it('refuses what is not an http(s) URL, or carries credentials', () => {
    for (const bad of ['', 'localhost:7341', 'ftp://example.com', 'http://u:p@example.com']) {
      assert.throws(() => normalizeServerUrl(bad), { code: 'INVALID_SERVER_URL' }, bad);
    }
  });
});
