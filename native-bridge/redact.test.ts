import { test } from 'node:test';
import assert from 'node:assert/strict';
import { redactQuote } from './redact.js';

test('digit runs of 14 or more are masked to their last four; shorter ones stay', () => {
  assert.equal(redactQuote('imei 490154203237518 ok'), 'imei ****7518 ok');
  assert.equal(redactQuote('meid 35290611012345, port 5037'), 'meid ****2345, port 5037');
  assert.equal(redactQuote('serial 1234567890123'), 'serial 1234567890123');
});

test('long quotes are cut to 200 characters, and a run cut at the edge is still masked', () => {
  const text = `${'x'.repeat(190)}${'4'.repeat(30)}`;
  const quoted = redactQuote(text);
  assert.ok(quoted.length <= 201 + 8, `${quoted.length}`);
  assert.ok(!/\d{14}/.test(quoted), quoted);
});

test('an identity the cut ends in the middle of shows none of its digits', () => {
  const quoted = redactQuote(`${'x'.repeat(188)}490154203237518 and more text after it`);
  assert.ok(!quoted.includes('4901542032'), quoted);
});
