import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assetUrl, lastPageUrl, mapAssetUrls, selectAssetUrls } from './asset-url-selection.js';
import { element, insertedRules, mutation, scroll, snapshot } from '../testing/recorded-events.js';

const PAGE = 'https://site.test/dir/page.html';

const sorted = (urls: string[]) => [...urls].sort();

describe('assetUrl', () => {
  it('resolves relative URLs against the page and keeps only http(s)', () => {
    assert.equal(assetUrl('a.png', PAGE), 'https://site.test/dir/a.png');
    assert.equal(assetUrl(' /b.png ', PAGE), 'https://site.test/b.png');
    assert.equal(assetUrl('//cdn.test/c.png', PAGE), 'https://cdn.test/c.png');
    assert.equal(assetUrl('http://cdn.test/d.png#part'), 'http://cdn.test/d.png#part');
    assert.equal(assetUrl('a.png'), undefined, 'relative without a page');
    for (const raw of [
      'data:image/png;base64,AAAA',
      'blob:https://site.test/1234',
      'javascript:alert(1)',
      '#fragment',
      'ftp://site.test/e.png',
      '',
      'http://',
    ]) {
      assert.equal(assetUrl(raw, PAGE), undefined, raw);
    }
  });
});

describe('selectAssetUrls', () => {
  it('selects images, srcsets, posters, asset links and CSS in a full snapshot', () => {
    const events = [
      snapshot(
        element('img', { src: 'img.png', srcset: 'small.png 1x, /large.png 2x' }),
        element('picture', {}, [element('source', { srcset: 'https://cdn.test/s.webp' })]),
        element('input', { type: 'image', src: '/button.png' }),
        element('video', { poster: '/poster.jpg', src: '/movie.mp4' }),
        element('link', { rel: 'stylesheet', href: '/main.css' }),
        element('link', { rel: 'shortcut icon', href: '/icon.ico' }),
        element('link', { rel: 'preload', as: 'font', href: '/font.woff2' }),
        element('div', { style: 'background: url("bg.png")' }),
        element('link', { _cssText: '@import url(/imported.css); @import "/quoted.css";' }),
        element('style', {}, [
          { type: 3, isStyle: true, textContent: 'p{background:url(/style-text.png)}' },
        ]),
      ),
    ];
    assert.deepEqual(sorted(selectAssetUrls(events, PAGE)), [
      'https://cdn.test/s.webp',
      'https://site.test/button.png',
      'https://site.test/dir/bg.png',
      'https://site.test/dir/img.png',
      'https://site.test/dir/small.png',
      'https://site.test/font.woff2',
      'https://site.test/icon.ico',
      'https://site.test/imported.css',
      'https://site.test/large.png',
      'https://site.test/main.css',
      'https://site.test/poster.jpg',
      'https://site.test/quoted.css',
      'https://site.test/style-text.png',
    ]);
  });

  it('never selects links, frames, scripts, forms, media sources, page text or non-http URLs', () => {
    const events = [
      snapshot(
        element('a', { href: '/account' }),
        element('iframe', { src: '/frame.html' }),
        element('script', { src: '/app.js' }),
        element('form', { action: '/post' }),
        element('video', { src: '/movie.mp4' }),
        element('link', { rel: 'alternate', href: '/feed.xml' }),
        element('link', { rel: 'modulepreload', href: '/module.js' }),
        element('img', { src: 'data:image/png;base64,AAAA', alt: 'https://site.test/alt.png' }),
        element('img', { src: 'blob:https://site.test/1' }),
        element('img', { src: 'javascript:void 0' }),
        element('div', { style: 'background:url(data:image/png;base64,AAAA)' }),
        { type: 3, textContent: 'url(https://site.test/page-text.png)' },
      ),
      mutation({
        texts: [{ id: 1, value: 'p{background:url(/text-change.png)}' }],
        attributes: [{ id: 2, attributes: { href: '/changed-link', title: '/title.png' } }],
      }),
      scroll(5),
    ];
    assert.deepEqual(selectAssetUrls(events, PAGE), []);
  });

  it('selects what mutations add and change: nodes, src, srcset, style text and style diffs', () => {
    const events = [
      mutation({
        adds: [
          { parentId: 1, node: element('img', { src: '/added.png' }) },
          { parentId: 1, node: element('a', { href: '/added-link' }) },
        ],
        attributes: [
          { id: 3, attributes: { src: '/changed.png', srcset: '/x1.png 1x, /x2.png 2x' } },
          { id: 4, attributes: { poster: '/changed-poster.jpg' } },
          { id: 5, attributes: { style: 'background:url(/inline.png)' } },
          {
            id: 6,
            attributes: { style: { background: ['url(/diff.png)', 'important'], color: false } },
          },
        ],
      }),
    ];
    assert.deepEqual(sorted(selectAssetUrls(events, PAGE)), [
      'https://site.test/added.png',
      'https://site.test/changed-poster.jpg',
      'https://site.test/changed.png',
      'https://site.test/diff.png',
      'https://site.test/inline.png',
      'https://site.test/x1.png',
      'https://site.test/x2.png',
    ]);
  });

  it('selects CSS url() and @import of inserted style-sheet rules', () => {
    const events = [
      insertedRules(1, [
        { rule: 'p{background:url( "rule.png" )}', index: 0 },
        { rule: "@import 'rule-import.css';", index: 1 },
      ]),
    ];
    assert.deepEqual(sorted(selectAssetUrls(events, PAGE)), [
      'https://site.test/dir/rule-import.css',
      'https://site.test/dir/rule.png',
    ]);
  });

  it('resolves against the page a Meta event names, and leaves relative URLs without a page', () => {
    const events = [
      { type: 4, timestamp: 1, data: { href: 'http://other.test/a/', width: 1, height: 1 } },
      snapshot(element('img', { src: 'pic.png' })),
    ];
    assert.deepEqual(selectAssetUrls(events), ['http://other.test/a/pic.png']);
    assert.deepEqual(selectAssetUrls(events.slice(1)), []);
    assert.equal(lastPageUrl(events), 'http://other.test/a/');
    assert.equal(lastPageUrl(events.slice(1)), undefined);
  });
});

describe('mapAssetUrls', () => {
  it('replaces exactly the selected URLs, copies the events and passes others through', () => {
    const events = [
      snapshot(
        element('img', { src: '/a.png', srcset: '/b.png 1x, data:image/png;base64,AA 2x' }),
        element('a', { href: '/a.png' }),
      ),
      scroll(5),
    ];
    const before = JSON.stringify(events);
    const seen: string[] = [];
    const out = mapAssetUrls(
      events,
      (url) => {
        seen.push(url);
        return `proxied:${url}`;
      },
      PAGE,
    );
    assert.equal(JSON.stringify(events), before, 'the input is not changed');
    assert.deepEqual(seen, selectAssetUrls(events, PAGE));
    const [img, link] = (out[0]!.data as { node: { childNodes: { attributes: object }[] } }).node
      .childNodes;
    assert.deepEqual(img!.attributes, {
      src: 'proxied:https://site.test/a.png',
      srcset: 'proxied:https://site.test/b.png 1x, data:image/png;base64,AA 2x',
    });
    assert.deepEqual(link!.attributes, { href: '/a.png' });
    assert.equal(out[1], events[1]);
  });
});
