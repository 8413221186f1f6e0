import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { eventWithTime } from '@rrweb/types';
import { rewriteAssetUrls } from '../../mirror/replayer/asset-rewrite.js';
import { collectAssetUrls } from './asset-urls.js';

const events = [
  {
    type: 2,
    timestamp: 1,
    data: {
      node: {
        type: 0,
        childNodes: [
          {
            type: 2,
            tagName: 'img',
            attributes: { src: '/a.png', srcset: 'b.png 1x, /c.png 2x' },
          },
          {
            type: 2,
            tagName: 'link',
            attributes: { rel: 'stylesheet', _cssText: 'x{background:url("d.png")}' },
          },
          { type: 2, tagName: 'link', attributes: { rel: 'icon', href: '/icon.png' } },
          {
            type: 2,
            tagName: 'link',
            attributes: { rel: 'preload', as: 'font', href: '/font.woff2' },
          },
          { type: 2, tagName: 'link', attributes: { rel: 'alternate', href: '/feed.xml' } },
          { type: 2, tagName: 'link', attributes: { rel: 'modulepreload', href: '/app.js' } },
          { type: 2, tagName: 'a', attributes: { href: 'javascript:void 0' } },
          { type: 2, tagName: 'a', attributes: { href: '/account/settings' } },
          { type: 2, tagName: 'iframe', attributes: { src: '/embedded.html' } },
          { type: 2, tagName: 'script', attributes: { src: '/app.js' } },
          { type: 2, tagName: 'form', attributes: { action: '/post' } },
          { type: 2, tagName: 'img', attributes: { src: 'data:image/png;base64,AAAA' } },
        ],
      },
    },
  },
  {
    type: 3,
    timestamp: 2,
    data: {
      source: 0,
      adds: [
        { node: { type: 2, tagName: 'img', attributes: { src: 'https://cdn.test/e.png#x' } } },
        { node: { type: 2, tagName: 'a', attributes: { href: 'https://cdn.test/page' } } },
      ],
      attributes: [
        { attributes: { style: 'background:url(/f.png)' } },
        { attributes: { href: '/changed-link' } },
        { attributes: { style: { 'background-image': ['url(/g.png)', 'important'] } } },
      ],
      texts: [],
    },
  },
  { type: 3, timestamp: 3, data: { source: 8, adds: [{ rule: 'p{background:url(/h.png)}' }] } },
] as unknown as eventWithTime[];

describe('collectAssetUrls', () => {
  it('finds images, stylesheets, icons and CSS url() in snapshots and mutations, absolute and without fragments', () => {
    const urls = collectAssetUrls(events, 'http://127.0.0.1:8000/dir/page.html');
    assert.deepEqual([...urls].sort(), [
      'http://127.0.0.1:8000/a.png',
      'http://127.0.0.1:8000/c.png',
      'http://127.0.0.1:8000/dir/b.png',
      'http://127.0.0.1:8000/dir/d.png',
      'http://127.0.0.1:8000/f.png',
      'http://127.0.0.1:8000/font.woff2',
      'http://127.0.0.1:8000/g.png',
      'http://127.0.0.1:8000/h.png',
      'http://127.0.0.1:8000/icon.png',
      'https://cdn.test/e.png',
    ]);
  });

  it('never counts links, frames, scripts or forms: the proxy must not fetch pages', () => {
    const urls = [...collectAssetUrls(events, 'http://127.0.0.1:8000/dir/page.html')].join(' ');
    for (const page of ['account/settings', 'cdn.test/page', 'embedded.html', 'app.js', 'post']) {
      assert.doesNotMatch(urls, new RegExp(page));
    }
    assert.doesNotMatch(urls, /changed-link|feed\.xml/);
  });

  it('allows exactly the URLs the phone’s replayer routes through the proxy, no more, no fewer', () => {
    const origin = 'http://localhost:8123';
    const page = 'http://127.0.0.1:8000/dir/page.html';
    const routed = JSON.stringify(rewriteAssetUrls(events, origin, page));
    const asked = new Set<string>();
    for (const [, encoded] of routed.matchAll(/\/mirror\/asset\?url=([^"\\)\s]+)/g)) {
      const url = new URL(decodeURIComponent(encoded!));
      url.hash = '';
      asked.add(url.href);
    }
    assert.deepEqual([...asked].sort(), [...collectAssetUrls(events, page)].sort());
  });
});
