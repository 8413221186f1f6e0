import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { desktopCatalogues } from '../../protocol/i18n/desktop-words.js';
import type { InboxItem } from '../../protocol/control-responses.js';
import { inboxJson, inboxLines } from './inbox-lines.js';

const items: InboxItem[] = [
  {
    id: 'b',
    kind: 'file',
    from: '****4381',
    model: 'Pixel 7',
    at: '2026-03-04T15:06:00.000Z',
    path: '/home/p/Downloads/Tandem/report.pdf',
    name: 'report.pdf',
    bytes: 3.5 * 1024 * 1024,
  },
  {
    id: 'a',
    kind: 'link',
    from: '',
    model: '',
    at: '2026-03-04T15:05:00.000Z',
    url: 'https://example.org/',
    bytes: 20,
  },
];

describe('tandem inbox', () => {
  it('lists items for a person with local times and sizes in KB or MB', () => {
    assert.deepEqual(inboxLines(desktopCatalogues.en, 'en', items, 'UTC'), [
      'Mar 4, 2026, 3:06 PM · File · From Pixel 7 ****4381 · 3.5 MB',
      '  /home/p/Downloads/Tandem/report.pdf',
      'Mar 4, 2026, 3:05 PM · Link · From a phone · 0.1 KB',
      '  https://example.org/',
    ]);
  });

  it('speaks Simplified Chinese', () => {
    const [first] = inboxLines(desktopCatalogues['zh-CN'], 'zh-CN', items, 'UTC');
    assert.equal(first, '2026年3月4日 15:06 · 文件 · 来自 Pixel 7 ****4381 · 3.5 MB');
    assert.deepEqual(inboxLines(desktopCatalogues['zh-CN'], 'zh-CN', []), [
      '还没有收到来自手机的内容。',
    ]);
  });

  it('gives programs kind, from, at, the content and bytes', () => {
    assert.deepEqual(inboxJson(items)[1], {
      id: 'a',
      kind: 'link',
      from: '',
      model: '',
      at: '2026-03-04T15:05:00.000Z',
      url: 'https://example.org/',
      bytes: 20,
    });
  });
});
