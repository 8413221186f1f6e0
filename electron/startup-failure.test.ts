// A failed start becomes a page that says what is wrong and what to do, with "Try again".
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CodedError } from '../protocol/coded-error.js';
import {
  describeStartupFailure,
  startupFailureHtml,
  startupFailureUrl,
  TRY_AGAIN_URL,
} from './startup-failure.js';
import { wordsFor } from '../protocol/i18n/desktop-words.js';

describe('startup failure page', () => {
  const en = wordsFor('en');

  it('says what is wrong and what to do for adb missing, from the catalogue', () => {
    const failure = describeStartupFailure(
      new CodedError('ADB_NOT_FOUND', 'adb was not found (looked in $ADB, PATH …)'),
    );
    assert.equal(failure.code, 'ADB_NOT_FOUND');
    assert.match(failure.action, /Install adb/);
    const html = startupFailureHtml(en, failure);
    assert.match(html, /Tandem could not start/);
    assert.match(html, /adb was not found/);
    assert.match(html, /<code>sudo apt-get install adb<\/code>/);
    assert.match(
      html,
      new RegExp(`<a class="button" id="try-again" href="${TRY_AGAIN_URL}">Try again</a>`),
    );
  });

  it('knows a damaged database and an unwritable data folder', () => {
    assert.match(
      describeStartupFailure(new CodedError('DATABASE_CORRUPT', 'x')).action,
      /doctor --repair/,
    );
    assert.match(
      describeStartupFailure(new CodedError('DATA_DIR_UNAVAILABLE', 'x')).action,
      /permissions/,
    );
  });

  it('still says something for an error without a code, and escapes what it quotes', () => {
    const failure = describeStartupFailure(new Error('<script>alert(1)</script>'));
    assert.equal(failure.code, undefined);
    assert.match(failure.action, /start it again/);
    const html = startupFailureHtml(en, failure);
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /default-src 'none'/);
  });

  it('is a data: URL in the person’s language', () => {
    const url = startupFailureUrl(wordsFor('zh-CN'), describeStartupFailure(new Error('x')));
    assert.match(url, /^data:text\/html;charset=utf-8,/);
    assert.match(decodeURIComponent(url), /Tandem 无法启动/);
    assert.match(decodeURIComponent(url), />重试</);
  });
});
