// The asset proxy against real loopback servers: a session's own URLs served to the holder of its
// token, everything else refused with codes, and nothing served as a document of the phone's origin.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { eventWithTime } from '@rrweb/types';
import Fastify, { type FastifyInstance } from 'fastify';
import { AssetProxy } from './asset-proxy.js';
import { registerAssetRoute } from './asset-route.js';
import { PIXEL_PNG, startFixtureSite, type FixtureSite } from '../../testing/fixture-site.js';

/** A full snapshot naming images (and optionally other elements), the way rrweb serialises them. */
function snapshotNaming(...srcs: string[]): eventWithTime[] {
  return snapshotOf(srcs.map((src) => ({ tagName: 'img', attributes: { src } })));
}

function snapshotOf(elements: { tagName: string; attributes: Record<string, string> }[]) {
  const childNodes = elements.map((element, i) => ({
    type: 2,
    ...element,
    childNodes: [],
    id: 10 + i,
  }));
  return [
    {
      type: 2,
      timestamp: 1,
      data: { node: { type: 0, id: 1, childNodes }, initialOffset: { top: 0, left: 0 } },
    },
  ] as unknown as eventWithTime[];
}

const A = { pageId: 'pageAAAAAAAAAAAAAAAA', secret: 'secretAAAAAAAAAAAAAAAAAAAAAAAA' };
const B = { pageId: 'pageBBBBBBBBBBBBBBBB', secret: 'secretBBBBBBBBBBBBBBBBBBBBBBBB' };

/** The cookie header a phone holds after opening its session page, as the real one gets it. */
function cookieOf(proxy: AssetProxy, session: typeof A): string {
  const cookie = proxy.sessionCookie(session.pageId, session.secret);
  assert.ok(cookie);
  return `${cookie.name}=${cookie.value}`;
}

describe('asset proxy', () => {
  let site: FixtureSite;
  let silent: Server;
  let silentUrl = '';
  before(async () => {
    site = await startFixtureSite({
      '/big.css': 'x'.repeat(5000),
      '/page.html': '<!doctype html><script>alert(1)</script>',
    });
    silent = createServer(() => undefined); // accepts and never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    silentUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/slow.png`;
  });
  after(async () => {
    silent.closeAllConnections();
    silent.close();
    await site.close();
  });

  it('serves a URL the session’s stream named to the holder of its token, byte for byte', async () => {
    const proxy = new AssetProxy();
    proxy.openSession('phone-1', A);
    proxy.observe(snapshotNaming('/pixel.png'), site.url('/article.html'));
    const asset = await proxy.fetch(site.url('/pixel.png#ignored'), cookieOf(proxy, A));
    assert.equal(asset.status, 200);
    assert.equal(asset.contentType, 'image/png');
    assert.deepEqual(asset.body, PIXEL_PNG);
  });

  it('refuses a URL without a live session’s token, or with another session’s', async () => {
    const proxy = new AssetProxy();
    proxy.openSession('phone-1', A);
    proxy.observe(snapshotNaming('/pixel.png'), site.url('/article.html'));
    const url = site.url('/pixel.png');
    const cookieA = cookieOf(proxy, A);
    await assert.rejects(proxy.fetch(url, undefined), { code: 'ASSET_TOKEN_INVALID' });
    await assert.rejects(proxy.fetch(url, `${cookieA}x`), { code: 'ASSET_TOKEN_INVALID' });
    // B opens after the page was recorded: A's URLs are not B's.
    proxy.openSession('phone-2', B);
    await assert.rejects(proxy.fetch(url, cookieOf(proxy, B)), { code: 'ASSET_NOT_SEEN' });
    assert.equal(proxy.sessionCookie(B.pageId, A.secret), undefined, 'B’s cookie needs B’s secret');
    // A new session of the same phone ends the old one: its token is dead.
    proxy.openSession('phone-1', { pageId: 'pageCCCCCCCCCCCCCCCC', secret: A.secret });
    await assert.rejects(proxy.fetch(url, cookieA), { code: 'ASSET_TOKEN_INVALID' });
  });

  it('refuses a URL the stream never named, and a link, without fetching it', async () => {
    const proxy = new AssetProxy();
    proxy.openSession('phone-1', A);
    proxy.observe(
      snapshotOf([
        { tagName: 'img', attributes: { src: '/pixel.png' } },
        { tagName: 'a', attributes: { href: '/linked.png' } },
      ]),
      site.url('/article.html'),
    );
    const cookie = cookieOf(proxy, A);
    for (const path of ['/other.png', '/linked.png']) {
      await assert.rejects(proxy.fetch(site.url(path), cookie), { code: 'ASSET_NOT_SEEN' });
      assert.equal(site.hits.get(path) ?? 0, 0);
    }
    await assert.rejects(proxy.fetch('file:///etc/passwd', cookie), { code: 'ASSET_NOT_SEEN' });
  });

  it('serves the shown tabs’ favicons, which the stream rarely names', async () => {
    const proxy = new AssetProxy();
    proxy.openSession('phone-1', A);
    const favicons = [site.url('/favicon.png')];
    proxy.allowFavicons(() => favicons);
    const asset = await proxy.fetch(site.url('/favicon.png'), cookieOf(proxy, A));
    assert.equal(asset.contentType, 'image/png');
    favicons.length = 0; // the tab closed
    await assert.rejects(proxy.fetch(site.url('/favicon.png'), cookieOf(proxy, A)), {
      code: 'ASSET_NOT_SEEN',
    });
  });

  it('refuses anything but images, stylesheets and fonts, oversized assets and slow origins', async () => {
    const proxy = new AssetProxy({ maxBytes: 1000, timeoutMs: 300 });
    proxy.openSession('phone-1', A);
    proxy.observe(
      snapshotNaming('/page.html', '/missing.css', silentUrl),
      site.url('/article.html'),
    );
    proxy.observe(
      snapshotOf([{ tagName: 'link', attributes: { rel: 'stylesheet', href: '/big.css' } }]),
      site.url('/article.html'),
    );
    const cookie = cookieOf(proxy, A);
    await assert.rejects(proxy.fetch(site.url('/page.html'), cookie), {
      code: 'ASSET_TYPE_REFUSED',
    });
    await assert.rejects(proxy.fetch(site.url('/missing.css'), cookie), {
      code: 'ASSET_FETCH_FAILED',
    });
    await assert.rejects(proxy.fetch(site.url('/big.css'), cookie), { code: 'ASSET_TOO_LARGE' });
    await assert.rejects(proxy.fetch(silentUrl, cookie), { code: 'ASSET_FETCH_FAILED' });
  });

  describe('over HTTP', () => {
    let app: FastifyInstance;
    let proxy: AssetProxy;
    before(async () => {
      proxy = new AssetProxy();
      app = Fastify();
      // Stands in for the server's phone page route.
      app.get('/s/:pageId', async () => 'the phone page');
      registerAssetRoute(app, proxy);
      await app.ready();
    });
    after(() => app.close());

    const asset = (path: string, cookie?: string) =>
      app.inject({
        url: `/mirror/asset?url=${encodeURIComponent(site.url(path))}`,
        headers: cookie ? { cookie } : {},
      });

    it('gives the token only to the phone that opens its session page with the secret', async () => {
      proxy.openSession('phone-1', A);
      proxy.observe(snapshotNaming('/pixel.png', '/page.html'), site.url('/article.html'));
      const wrong = await app.inject({ url: `/s/${A.pageId}?k=${B.secret}` });
      assert.equal(wrong.headers['set-cookie'], undefined);
      const page = await app.inject({ url: `/s/${A.pageId}?k=${A.secret}` });
      const setCookie = String(page.headers['set-cookie']);
      assert.match(setCookie, /; Path=\/mirror\/asset; /);
      assert.match(setCookie, /HttpOnly; SameSite=Strict/);
      assert.doesNotMatch(setCookie, new RegExp(A.secret), 'the token is not the secret');
      const cookie = setCookie.split(';')[0] as string;

      const anonymous = await asset('/pixel.png');
      assert.equal(anonymous.statusCode, 403);
      assert.equal(anonymous.json().error.code, 'ASSET_TOKEN_INVALID');

      const served = await asset('/pixel.png', cookie);
      assert.equal(served.statusCode, 200);
      assert.deepEqual(served.rawPayload, PIXEL_PNG);
      assert.equal(served.headers['content-type'], 'image/png');
      for (const response of [served, anonymous]) {
        assert.equal(response.headers['content-security-policy'], "sandbox; default-src 'none'");
        assert.equal(response.headers['x-content-type-options'], 'nosniff');
      }

      const html = await asset('/page.html', cookie);
      assert.equal(html.statusCode, 415);
      assert.equal(html.json().error.code, 'ASSET_TYPE_REFUSED');
      assert.doesNotMatch(html.body, /alert/);

      const unseen = await asset('/secret.png', cookie);
      assert.equal(unseen.statusCode, 403);
      assert.equal(unseen.json().error.code, 'ASSET_NOT_SEEN');
    });
  });
});
