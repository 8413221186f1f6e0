// The checks on a "send to phone" request, and the file names images get.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_TEXT_CHARS } from '../../protocol/relay-messages.js';
import { imageNameFor, parseSendRequest } from './send-request.js';
import { codeOf } from '../../testing/thrown-code.js';

describe('parseSendRequest', () => {
  it('accepts each kind, with and without a target', () => {
    assert.deepEqual(parseSendRequest({ kind: 'selection' }), { kind: 'selection' });
    assert.deepEqual(parseSendRequest({ kind: 'link', to: '****4380' }), {
      kind: 'link',
      to: '****4380',
    });
    assert.deepEqual(parseSendRequest({ kind: 'link', url: 'HTTPS://Example.com' }), {
      kind: 'link',
      url: 'https://example.com/',
    });
    assert.deepEqual(parseSendRequest({ kind: 'image', url: 'http://127.0.0.1:9/a.png', to: '' }), {
      kind: 'image',
      url: 'http://127.0.0.1:9/a.png',
    });
    assert.deepEqual(parseSendRequest({ kind: 'text', text: 'hi', to: 'emulator-5554' }), {
      kind: 'text',
      text: 'hi',
      to: 'emulator-5554',
    });
  });

  it('refuses malformed requests with CONTROL_BAD_REQUEST', () => {
    for (const body of [
      null,
      [],
      'selection',
      {},
      { kind: 'video' },
      { kind: 'image' },
      { kind: 'image', url: 'file:///etc/passwd' },
      { kind: 'link', url: 'javascript:alert(1)' },
      { kind: 'link', url: 42 },
      { kind: 'text' },
      { kind: 'text', text: '' },
      { kind: 'text', text: 'x', to: 7 },
      { kind: 'text', text: 'x', to: 'x'.repeat(129) },
    ]) {
      assert.equal(
        codeOf(() => parseSendRequest(body)),
        'CONTROL_BAD_REQUEST',
        JSON.stringify(body),
      );
    }
  });

  it('refuses text longer than one relay message holds with TEXT_TOO_LONG', () => {
    const text = 'a'.repeat(MAX_TEXT_CHARS + 1);
    assert.equal(
      codeOf(() => parseSendRequest({ kind: 'text', text })),
      'TEXT_TOO_LONG',
    );
    assert.equal(parseSendRequest({ kind: 'text', text: text.slice(1) }).kind, 'text');
  });
});

describe('imageNameFor', () => {
  it('keeps the URL file name when it has an extension', () => {
    assert.equal(imageNameFor('http://h/img/cat.png?x=1', 'image/png'), 'cat.png');
    assert.equal(imageNameFor('http://h/my%20photo.JPG', 'image/jpeg'), 'my photo.JPG');
  });

  it('adds the extension of the content type otherwise', () => {
    assert.equal(imageNameFor('http://h/avatar', 'image/jpeg'), 'avatar.jpg');
    assert.equal(imageNameFor('http://h/', 'image/svg+xml'), 'image.svg');
    assert.equal(imageNameFor('http://h/render?id=3', 'image/webp'), 'render.webp');
  });

  it('never lets a path or odd characters into the name', () => {
    const name = imageNameFor('http://h/a/..%2F..%2Fetc%2Fpasswd', 'image/png');
    assert.equal(name, 'etc_passwd.png');
    assert.equal(imageNameFor('http://h/%E0%A4%A', 'image/gif'), 'E0_A4_A.gif');
  });
});
