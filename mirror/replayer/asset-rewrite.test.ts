import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rewriteAssetUrls } from './asset-rewrite.js';
import { element, insertedRules, mutation, scroll } from '../../testing/recorded-events.js';

const ORIGIN = 'http://localhost:8123';
const via = (url: string): string => `${ORIGIN}/mirror/asset?url=${encodeURIComponent(url)}`;

/** Reads a nested value of a rewritten event: at(event, 'data', 'adds', 0). */
function at(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const key of path) current = (current as Record<string | number, unknown>)[key];
  return current;
}

describe('rewriteAssetUrls', () => {
  it('points images, srcsets, stylesheets and CSS urls of a full snapshot at the asset route', () => {
    const node = {
      type: 0,
      childNodes: [
        element('link', { rel: 'stylesheet', href: 'https://cdn.example/a.css' }),
        element('link', { rel: 'icon', href: 'https://cdn.example/i.png' }),
        element('a', { href: 'https://example.org/page' }),
        element('img', {
          src: 'https://cdn.example/p.png',
          srcset: 'https://cdn.example/p1.png 1x, https://cdn.example/p2.png 2x',
        }),
        element('img', { src: 'data:image/png;base64,AAAA' }),
        element('div', { style: 'background: url("https://cdn.example/bg.png") no-repeat' }),
        element('style', {}, [
          {
            type: 3,
            isStyle: true,
            textContent: 'h1{background:url(https://cdn.example/h.png)}',
            id: 9,
          },
        ]),
        { type: 3, textContent: 'url(https://example.org/not-css)', id: 10 },
      ],
      id: 0,
    };
    const events = [{ type: 2, data: { node, initialOffset: { left: 0, top: 0 } }, timestamp: 1 }];
    const before = JSON.stringify(events);
    const [out] = rewriteAssetUrls(events, ORIGIN);
    assert.equal(JSON.stringify(events), before, 'the input is not changed');
    const child = (index: number, ...path: Array<string | number>) =>
      at(out, 'data', 'node', 'childNodes', index, ...path);
    assert.equal(child(0, 'attributes', 'href'), via('https://cdn.example/a.css'));
    assert.equal(
      child(1, 'attributes', 'href'),
      via('https://cdn.example/i.png'),
      'an icon is an asset: the proxy allows it (mirror/asset-url-selection.ts), so it goes through it',
    );
    assert.equal(child(2, 'attributes', 'href'), 'https://example.org/page', 'links stay links');
    assert.equal(child(3, 'attributes', 'src'), via('https://cdn.example/p.png'));
    assert.equal(
      child(3, 'attributes', 'srcset'),
      `${via('https://cdn.example/p1.png')} 1x, ${via('https://cdn.example/p2.png')} 2x`,
    );
    assert.equal(child(4, 'attributes', 'src'), 'data:image/png;base64,AAAA');
    assert.equal(
      child(5, 'attributes', 'style'),
      `background: url("${via('https://cdn.example/bg.png')}") no-repeat`,
    );
    assert.equal(
      child(6, 'childNodes', 0, 'textContent'),
      `h1{background:url(${via('https://cdn.example/h.png')})}`,
    );
    assert.equal(
      child(7, 'textContent'),
      'url(https://example.org/not-css)',
      'page text untouched',
    );
  });

  it('rewrites added nodes, changed attributes and inserted rules of incremental events', () => {
    const events = [
      mutation({
        adds: [{ parentId: 1, nextId: null, node: element('img', { src: 'http://x.test/a.png' }) }],
        attributes: [
          { id: 4, attributes: { src: 'https://x.test/b.png', title: 'https://x.test/t' } },
          {
            id: 5,
            attributes: { style: { background: 'url(https://x.test/c.png)', color: false } },
          },
        ],
      }),
      insertedRules(2, [{ rule: 'p{background:url("https://x.test/d.png")}', index: 0 }], 3),
      scroll(10, 4),
    ];
    const [mutated, rule, scrolled] = rewriteAssetUrls(events, ORIGIN);
    assert.equal(
      at(mutated, 'data', 'adds', 0, 'node', 'attributes', 'src'),
      via('http://x.test/a.png'),
    );
    assert.equal(
      at(mutated, 'data', 'attributes', 0, 'attributes', 'src'),
      via('https://x.test/b.png'),
    );
    assert.equal(at(mutated, 'data', 'attributes', 0, 'attributes', 'title'), 'https://x.test/t');
    assert.deepEqual(at(mutated, 'data', 'attributes', 1, 'attributes', 'style'), {
      background: `url(${via('https://x.test/c.png')})`,
      color: false,
    });
    assert.equal(
      at(rule, 'data', 'adds', 0, 'rule'),
      `p{background:url("${via('https://x.test/d.png')}")}`,
    );
    assert.equal(scrolled, events[2], 'events without assets pass as they are');
  });

  it('leaves URLs already on the asset route alone', () => {
    const src = via('https://cdn.example/p.png');
    const events = [
      {
        type: 3,
        timestamp: 1,
        data: { source: 0, adds: [], attributes: [{ id: 1, attributes: { src } }] },
      },
    ];
    const [out] = rewriteAssetUrls(events, ORIGIN);
    assert.equal(at(out, 'data', 'attributes', 0, 'attributes', 'src'), src);
  });
});
