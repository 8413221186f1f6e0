import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { inboxEntry } from './inbox-entry.js';
import { INBOX_FILE, openInboxStore, readInbox } from './inbox-store.js';
import { inboxFolder } from './inbox-folder.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'tandem-inbox-'));
const phone = { model: 'Pixel 7', identity: { masked: '****4381' } };

describe('the inbox store', () => {
  it('keeps items newest first, across openings, and tells listeners', () => {
    const dir = freshDir();
    let clock = Date.parse('2026-03-04T10:00:00Z');
    const store = openInboxStore(dir, { now: () => new Date((clock += 1000)) });
    const seen: string[] = [];
    store.onAdded((item) => seen.push(item.kind));
    const text = store.add(inboxEntry({ serial: 's', kind: 'text', text: 'héllo' }, phone));
    const link = store.add(
      inboxEntry({ serial: 's', kind: 'link', url: 'https://example.org/' }, phone),
    );
    assert.deepEqual(seen, ['text', 'link']);
    assert.deepEqual(
      store.list().map((item) => item.id),
      [link.id, text.id],
    );
    assert.deepEqual(text, {
      id: text.id,
      kind: 'text',
      from: '****4381',
      model: 'Pixel 7',
      at: '2026-03-04T10:00:01.000Z',
      text: 'héllo',
      bytes: 6,
    });
    assert.deepEqual(openInboxStore(dir).list(), store.list());
    assert.deepEqual(readInbox(dir), store.list());
    assert.equal(store.find(link.id)?.url, 'https://example.org/');
    assert.equal(store.find('nope'), undefined);
  });

  it('keeps only the newest items, and the file stays bounded', () => {
    const dir = freshDir();
    const store = openInboxStore(dir, { cap: 3 });
    for (let n = 1; n <= 10; n++)
      store.add({ kind: 'text', text: `#${n}`, from: '', model: '', bytes: 2 });
    assert.deepEqual(
      store.list().map((item) => item.text),
      ['#10', '#9', '#8'],
    );
    const lines = readFileSync(join(dir, INBOX_FILE), 'utf8').trim().split('\n');
    assert.ok(lines.length <= 6, `the file holds ${lines.length} lines`);
    assert.deepEqual(
      readInbox(dir, 3).map((item) => item.text),
      ['#10', '#9', '#8'],
    );
  });

  it('skips a torn or foreign line and keeps the rest', () => {
    const dir = freshDir();
    openInboxStore(dir).add({ kind: 'text', text: 'kept', from: '', model: '', bytes: 4 });
    appendFileSync(join(dir, INBOX_FILE), '{"kind":"text","te\n{"imei":"356938035643809"}\n');
    assert.deepEqual(
      readInbox(dir).map((item) => item.text),
      ['kept'],
    );
  });

  it('reads an empty inbox when there is no file', () => {
    assert.deepEqual(readInbox(freshDir()), []);
  });

  it('names files and images by kind, with their size, and a phone without identity by nothing', () => {
    const image = inboxEntry(
      { serial: 'link:x', kind: 'file', name: 'a.png', path: '/in/a.png', bytes: 70, image: true },
      undefined,
    );
    assert.deepEqual(image, {
      from: '',
      model: '',
      kind: 'image',
      path: '/in/a.png',
      name: 'a.png',
      bytes: 70,
    });
    const file = inboxEntry(
      { serial: 's', kind: 'file', name: 'a.pdf', path: '/in/a.pdf', bytes: 9, image: false },
      phone,
    );
    assert.equal(file.kind, 'file');
  });
});

describe('the inbox folder', () => {
  it('is the setting, else $TANDEM_INBOX_DIR, else Downloads/Tandem', () => {
    assert.equal(inboxFolder({ inboxDir: '/chosen' }, { TANDEM_INBOX_DIR: '/env' }), '/chosen');
    assert.equal(inboxFolder({}, { TANDEM_INBOX_DIR: '/env' }), '/env');
    assert.equal(inboxFolder({}, {}, '/home/p'), join('/home/p', 'Downloads', 'Tandem'));
  });
});
