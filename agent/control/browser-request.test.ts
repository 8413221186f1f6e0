import { test } from 'node:test';
import assert from 'node:assert/strict';
import { operationFor, parseBrowserRequest } from './browser-request.js';
import { ControlError } from './control-error.js';

const refused = (body: unknown) =>
  assert.throws(
    () => parseBrowserRequest(body),
    (e) => e instanceof ControlError && e.code === 'CONTROL_BAD_REQUEST',
  );

test('accepts each action with what it needs, and nothing else', () => {
  assert.deepEqual(parseBrowserRequest({ action: 'open', input: 'example.com' }), {
    action: 'open',
    input: 'example.com',
  });
  assert.deepEqual(parseBrowserRequest({ action: 'show', tabId: 'tab-2' }), {
    action: 'show',
    tabId: 'tab-2',
  });
  assert.deepEqual(parseBrowserRequest({ action: 'reload', tabId: 'ignored' }), {
    action: 'reload',
  });
  refused(null);
  refused({ action: 'navigate' });
  refused({ action: 'navigate', input: '   ' });
  refused({ action: 'navigate', input: 'x'.repeat(8193) });
  refused({ action: 'close' });
  refused({ action: 'close', tabId: 7 });
  refused({ action: 'eval', input: '1' });
});

test('navigate reads the input as a URL or search words, as the phone address bar does', () => {
  assert.deepEqual(operationFor({ action: 'navigate', input: 'example.com/a' }), {
    type: 'op.navigate',
    url: 'https://example.com/a',
  });
  assert.deepEqual(operationFor({ action: 'navigate', input: 'two words' }), {
    type: 'op.navigate',
    url: 'https://duckduckgo.com/?q=two%20words',
  });
  assert.deepEqual(operationFor({ action: 'close', tabId: 't' }), {
    type: 'op.tab',
    action: 'close',
    tabId: 't',
  });
});
