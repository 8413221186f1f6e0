import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openSettingsStore } from './settings-store.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'tandem-settings-'));

describe('the settings store', () => {
  it('starts empty, keeps changes across openings, and puts back defaults on null', () => {
    const dir = freshDir();
    const store = openSettingsStore(dir);
    assert.deepEqual(store.get(), {});
    const seen: unknown[] = [];
    store.onChange((settings) => seen.push(settings));
    store.update({ language: 'zh-CN', inboxDir: '/tmp/somewhere' });
    assert.deepEqual(openSettingsStore(dir).get(), {
      language: 'zh-CN',
      inboxDir: '/tmp/somewhere',
    });
    store.update({ language: null });
    assert.deepEqual(openSettingsStore(dir).get(), { inboxDir: '/tmp/somewhere' });
    assert.equal(seen.length, 2);
  });

  it('refuses a relative inbox folder and keeps the old value', () => {
    const store = openSettingsStore(freshDir());
    store.update({ inboxDir: '/tmp/a' });
    assert.throws(() => store.update({ inboxDir: 'relative/b' }), { code: 'CONTROL_BAD_REQUEST' });
    assert.equal(store.get().inboxDir, '/tmp/a');
  });

  it('keeps a damaged file aside and uses the defaults', () => {
    const dir = freshDir();
    writeFileSync(join(dir, 'settings.json'), '{"language": "klingon"');
    const warnings: string[] = [];
    const store = openSettingsStore(dir, (m) => warnings.push(m));
    assert.deepEqual(store.get(), {});
    assert.equal(warnings.length, 1);
    const aside = readdirSync(dir).find((name) => name.startsWith('settings.json.damaged-'));
    assert.ok(aside, 'the damaged file is kept');
    assert.equal(readFileSync(join(dir, aside), 'utf8'), '{"language": "klingon"');
  });
});
