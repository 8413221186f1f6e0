import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wordsFor } from './desktop-words.js';
import { phoneStateWords } from './phone-state-words.js';
import { statusLine } from './status-line.js';

const en = wordsFor('en');
const zh = wordsFor('zh-CN');
const phones = (...states: string[]) => states.map((state) => ({ state }));

describe('the status line', () => {
  it('says ready only when no phone is plugged in', () => {
    assert.equal(statusLine(en, { paused: false, devices: [] }), 'Ready: plug in an Android phone');
    assert.equal(
      statusLine(en, { paused: false, devices: phones('gone') }),
      'Ready: plug in an Android phone',
    );
    assert.equal(statusLine(zh, { paused: false, devices: [] }), '准备就绪：请连接一部安卓手机');
  });

  it('counts the phones by what they need', () => {
    assert.equal(
      statusLine(en, { paused: false, devices: phones('connected') }),
      '1 phone connected',
    );
    assert.equal(
      statusLine(en, { paused: false, devices: phones('connected', 'unauthorized') }),
      '2 phones: 1 connected, 1 needs USB debugging allowed',
    );
    assert.equal(
      statusLine(en, { paused: false, devices: phones('unauthorized', 'unauthorized') }),
      '2 phones need USB debugging allowed',
    );
    assert.equal(
      statusLine(en, { paused: false, devices: phones('checking', 'bound-elsewhere') }),
      '2 phones: 1 paired with another computer, 1 connecting',
    );
    assert.equal(statusLine(zh, { paused: false, devices: phones('connected') }), '1 部手机已连接');
    assert.equal(
      statusLine(zh, { paused: false, devices: phones('connected', 'unauthorized') }),
      '2 部手机：1 部已连接，1 部需要允许 USB 调试',
    );
  });

  it('tells pausing and phones without USB debugging', () => {
    assert.equal(statusLine(en, { paused: true, devices: [] }), 'Pairing is paused');
    assert.equal(
      statusLine(en, { paused: true, devices: phones('detected') }),
      '1 phone connecting · Pairing is paused',
    );
    assert.equal(
      statusLine(en, { paused: false, devices: [], usbWithoutDebugging: [{}] }),
      'a phone has USB debugging off',
    );
  });
});

describe('a phone state in words', () => {
  it('keeps codes out of the sentence and out of normal steps', () => {
    const failed = phoneStateWords(en, { state: 'failed', reason: 'SERVER_UNREACHABLE' });
    assert.equal(failed.code, 'SERVER_UNREACHABLE');
    assert.equal(failed.tone, 'error');
    assert.doesNotMatch(failed.hint, /[A-Z]{3,}_[A-Z]/);
    const closed = phoneStateWords(en, { state: 'detected', reason: 'SESSION_CLOSED' });
    assert.equal(closed.code, undefined);
    assert.match(closed.hint, /closed on the phone/);
    assert.equal(phoneStateWords(zh, { state: 'connected' }).badge, '已连接');
    assert.equal(
      phoneStateWords(en, { state: 'detected', reason: 'PAUSED' }).badge,
      'Pairing paused',
    );
  });

  it('has words for every reason in both languages', () => {
    for (const words of [en, zh]) {
      for (const reason of Object.keys(en.ui.reasons)) {
        const view = phoneStateWords(words, { state: 'failed', reason });
        assert.notEqual(view.hint, words.ui.hints.failed, `${reason} has its own sentence`);
      }
    }
  });
});
