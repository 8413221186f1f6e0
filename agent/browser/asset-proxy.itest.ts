// The asset proxy against real loopback servers: seen URLs served, the rest refused with codes.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { eventWithTime } from '@rrweb/types';
import Fastify from 'fastify';
import { AssetProxy } from './asset-proxy.js';
import { registerAssetRoute } from './asset-route.js';
import { PIXEL_PNG, startFixtureSite, type FixtureSite } from './test-kit.js';

/** A full snapshot naming an image and a stylesheet, the way rrweb serialises them. */
function snapshotNaming(...srcs: string[]): eventWithTime[] {
  const childNodes = srcs.map((src, i) => ({
    type: 2,
    tagName: 'img',
    attributes: { src },
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

describe('asset proxy', () => {
  let site: FixtureSite;
  let silent: Server;
  let silentUrl = '';
  before(async () => {
    site = await startFixtureSite({ ...{ '/big.html': 'x'.repeat(5000) } });
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

  it('serves a URL the stream named, byte for byte', async () => {
    const proxy = new AssetProxy();
    proxy.observe(snapshotNaming('/pixel.png'), site.url('/article.html'));
    assert.equal(proxy.has(site.url('/pixel.png')), true);
    const asset = await proxy.fetch(site.url('/pixel.png#ignored'));
    assert.equal(asset.status, 200);
    assert.equal(asset.contentType, 'image/png');
    assert.deepEqual(asset.body, PIXEL_PNG);
  });

  it('refuses a URL the stream never named, without fetching it', async () => {
    const proxy = new AssetProxy();
    proxy.observe(snapshotNaming('/pixel.png'), site.url('/article.html'));
    const before = site.hits.get('/other.png') ?? 0;
    await assert.rejects(proxy.fetch(site.url('/other.png')), { code: 'ASSET_NOT_SEEN' });
    await assert.rejects(proxy.fetch('file:///etc/passwd'), { code: 'ASSET_NOT_SEEN' });
    assert.equal(site.hits.get('/other.png') ?? 0, before);
  });

  it('refuses an asset over the size limit, and one that does not answer in time', async () => {
    const proxy = new AssetProxy({ maxBytes: 1000, timeoutMs: 300 });
    proxy.observe(snapshotNaming('/big.html', silentUrl), site.url('/article.html'));
    await assert.rejects(proxy.fetch(site.url('/big.html')), { code: 'ASSET_TOO_LARGE' });
    await assert.rejects(proxy.fetch(silentUrl), { code: 'ASSET_FETCH_FAILED' });
  });

  it('answers the phone over HTTP with the asset or a coded refusal', async () => {
    const proxy = new AssetProxy();
    proxy.observe(snapshotNaming('/pixel.png'), site.url('/article.html'));
    const app = Fastify();
    registerAssetRoute(app, proxy);
    const served = await app.inject({
      url: `/mirror/asset?url=${encodeURIComponent(site.url('/pixel.png'))}`,
    });
    assert.equal(served.statusCode, 200);
    assert.deepEqual(served.rawPayload, PIXEL_PNG);
    const refused = await app.inject({
      url: `/mirror/asset?url=${encodeURIComponent(site.url('/secret.png'))}`,
    });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'ASSET_NOT_SEEN');
    await app.close();
  });
});
