import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { eventWithTime } from '@rrweb/types';
import { collectAssetUrls } from './asset-urls.js';

const events = [
  {
    type: 2,
    timestamp: 1,
    data: {
      node: {
        type: 0,
        childNodes: [
          { type: 2, tagName: 'img', attributes: { src: '/a.png', srcset: 'b.png 1x, /c.png 2x' } },
          {
            type: 2,
            tagName: 'link',
            attributes: { rel: 'stylesheet', _cssText: 'x{background:url("d.png")}' },
          },
          { type: 2, tagName: 'a', attributes: { href: 'javascript:void 0' } },
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
      adds: [{ node: { type: 2, attributes: { src: 'https://cdn.test/e.png#x' } } }],
      attributes: [{ attributes: { style: 'background:url(/f.png)' } }],
      texts: [],
    },
  },
] as unknown as eventWithTime[];

describe('collectAssetUrls', () => {
  it('finds src, srcset, CSS url() in snapshots and mutations, absolute and without fragments', () => {
    const urls = collectAssetUrls(events, 'http://127.0.0.1:8000/dir/page.html');
    assert.deepEqual([...urls].sort(), [
      'http://127.0.0.1:8000/a.png',
      'http://127.0.0.1:8000/c.png',
      'http://127.0.0.1:8000/dir/b.png',
      'http://127.0.0.1:8000/dir/d.png',
      'http://127.0.0.1:8000/f.png',
      'https://cdn.test/e.png',
    ]);
  });
});
