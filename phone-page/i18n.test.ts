import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { catalogueKeys } from '../protocol/i18n/catalogue-keys.js';
import { phoneCatalogues, pickStrings } from './i18n.js';

describe('the phone catalogue', () => {
  it('has every key in both languages, and no empty words', () => {
    assert.deepEqual(
      catalogueKeys(phoneCatalogues['zh-CN']).sort(),
      catalogueKeys(phoneCatalogues.en).sort(),
    );
    for (const catalogue of Object.values(phoneCatalogues)) {
      for (const word of Object.values(catalogue)) assert.notEqual(word.trim(), '');
    }
  });

  it('follows the browser languages', () => {
    assert.equal(pickStrings(['zh-CN', 'en']).lang, 'zh-CN');
    assert.equal(pickStrings(['en-US', 'zh-CN']).lang, 'en');
    assert.equal(pickStrings(['zh-Hans']).strings, phoneCatalogues['zh-CN']);
  });
});
