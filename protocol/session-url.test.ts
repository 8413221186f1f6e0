import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isRelayError } from './relay-errors.js';
import { buildSessionUrl, buildUpgradeUrl, parseSessionUrl } from './session-url.js';

const pageId = 'AAAAAAAAAAAAAAAAAAAAAA';
const secret = 'BBBBBBBBBBBBBBBBBBBBBB';
const key = 'C'.repeat(43);

describe('session URLs', () => {
  it('builds and parses <server>/s/<pageId>?k=<secret>#<key>', () => {
    const url = buildSessionUrl({ server: 'http://127.0.0.1:8080/', pageId, secret, sealKey: key });
    assert.equal(url, `http://127.0.0.1:8080/s/${pageId}?k=${secret}#${key}`);
    assert.deepEqual(parseSessionUrl(url), {
      server: 'http://127.0.0.1:8080',
      pageId,
      secret,
      token: undefined,
      sealKey: key,
    });
  });

  it('keeps a base path and accepts a role token instead of the secret', () => {
    const token = 'D'.repeat(43);
    const parts = parseSessionUrl(`https://relay.example/tandem/s/${pageId}?t=${token}`);
    assert.equal(parts.server, 'https://relay.example/tandem');
    assert.equal(parts.token, token);
    assert.equal(parts.sealKey, undefined);
  });

  it('refuses malformed URLs with SESSION_URL_INVALID', () => {
    for (const bad of [
      'not a url',
      `ftp://x/s/${pageId}?k=${secret}`,
      `http://x/p/${pageId}?k=${secret}`,
      `http://x/s/${pageId}`,
      `http://x/s/${pageId}?k=${secret}&t=${'D'.repeat(43)}`,
      `http://x/s/${pageId}?k=short`,
      `http://x/s/${pageId}?k=${secret}#short`,
    ]) {
      assert.throws(
        () => parseSessionUrl(bad),
        (e) => isRelayError(e, 'SESSION_URL_INVALID'),
        bad,
      );
    }
  });

  it('builds the ws(s) upgrade URL with version, page, role and resume', () => {
    const url = buildUpgradeUrl('https://relay.example/base', 2, {
      pageId,
      role: 'phone',
      secret,
      resumeToken: 'r'.repeat(24),
      lastSeq: 9,
    });
    assert.equal(
      url,
      `wss://relay.example/base/v1/relay?v=2&page=${pageId}&role=phone&k=${secret}&resume=${'r'.repeat(24)}&last=9`,
    );
  });
});
