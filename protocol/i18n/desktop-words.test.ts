import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogueKeys } from './catalogue-keys.js';
import { desktopCatalogues, wordsFor } from './desktop-words.js';
import { pickLocale } from './locale.js';

describe('the desktop catalogue', () => {
  it('has every key in both languages, and no empty words', () => {
    const english = catalogueKeys(desktopCatalogues.en).sort();
    const chinese = catalogueKeys(desktopCatalogues['zh-CN']).sort();
    assert.deepEqual(chinese, english);
    for (const catalogue of Object.values(desktopCatalogues)) {
      const flat = (node: object): unknown[] =>
        Object.values(node).flatMap((v) => (v && typeof v === 'object' ? flat(v) : [v]));
      for (const word of flat(catalogue)) {
        if (typeof word === 'string') assert.notEqual(word.trim(), '');
      }
    }
  });

  it('is chosen from the system language', () => {
    assert.equal(wordsFor('zh-CN'), desktopCatalogues['zh-CN']);
    assert.equal(wordsFor('zh-Hans-CN'), desktopCatalogues['zh-CN']);
    assert.equal(wordsFor('en-US'), desktopCatalogues.en);
    assert.equal(wordsFor('fr-FR'), desktopCatalogues.en);
    assert.equal(pickLocale(['zh_CN.UTF-8']), 'zh-CN');
    assert.equal(pickLocale(['de-DE', 'zh-CN']), 'zh-CN');
    assert.equal(pickLocale(['en-GB', 'zh-CN']), 'en');
    assert.equal(pickLocale(['zh-TW']), 'en');
  });
});
