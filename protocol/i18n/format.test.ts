import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatBytes, formatTime } from './format.js';

describe('sizes and times as a person reads them', () => {
  it('shows sizes in KB, MB or GB, never raw bytes', () => {
    assert.equal(formatBytes(0, 'en'), '0 KB');
    assert.equal(formatBytes(1, 'en'), '0.1 KB');
    assert.equal(formatBytes(400, 'en'), '0.4 KB');
    assert.equal(formatBytes(1024, 'en'), '1 KB');
    assert.equal(formatBytes(1536, 'en'), '1.5 KB');
    assert.equal(formatBytes(12 * 1024 + 300, 'en'), '12 KB');
    assert.equal(formatBytes(1024 * 1024, 'en'), '1 MB');
    assert.equal(formatBytes(3.5 * 1024 * 1024, 'en'), '3.5 MB');
    assert.equal(formatBytes(250 * 1024 * 1024, 'en'), '250 MB');
    assert.equal(formatBytes(1.25 * 1024 ** 3, 'en'), '1.3 GB');
    assert.equal(formatBytes(1536, 'zh-CN'), '1.5 KB');
    assert.equal(formatBytes(1234 * 1024 * 1024, 'en'), '1.2 GB');
  });

  it('groups thousands as the language does', () => {
    assert.equal(formatBytes(1023 * 1024 * 1024 * 1024, 'en'), '1,023 GB');
  });

  it('shows times in the local zone and language', () => {
    const at = '2026-03-04T15:06:00.000Z';
    assert.equal(formatTime(at, 'en', 'UTC'), 'Mar 4, 2026, 3:06 PM');
    assert.match(formatTime(at, 'zh-CN', 'UTC'), /^2026年3月4日 15:06$/);
    assert.equal(formatTime(at, 'en', 'Asia/Shanghai'), 'Mar 4, 2026, 11:06 PM');
    assert.equal(formatTime('not a time', 'en'), 'not a time');
  });
});
