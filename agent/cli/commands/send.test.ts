// `tandem send` flags → the request for the agent, and the line it prints.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeSent, toSendRequest } from './send.js';
import { commandWords } from '../../../protocol/i18n/cli-command-words.js';
import { codeOf } from '../../../testing/thrown-code.js';

describe('tandem send flags', () => {
  it('turns exactly one kind into a request', () => {
    assert.deepEqual(toSendRequest({ selection: true }), { kind: 'selection' });
    assert.deepEqual(toSendRequest({ link: true, to: 'A' }), { kind: 'link', to: 'A' });
    assert.deepEqual(toSendRequest({ link: 'example.com' }), {
      kind: 'link',
      url: 'https://example.com/',
    });
    assert.deepEqual(toSendRequest({ image: 'http://127.0.0.1:9/a.png' }), {
      kind: 'image',
      url: 'http://127.0.0.1:9/a.png',
    });
    assert.deepEqual(toSendRequest({ text: 'hi', to: '****1234' }), {
      kind: 'text',
      text: 'hi',
      to: '****1234',
    });
  });

  it('refuses none, several, an empty text or a non-http URL with INVALID_ARGUMENT', () => {
    for (const options of [
      {},
      { selection: true, text: 'x' },
      { link: true, image: 'http://h/a.png' },
      { text: '' },
      { image: 'file:///etc/passwd' },
      { link: 'ftp://h/' },
    ]) {
      assert.equal(
        codeOf(() => toSendRequest(options)),
        'INVALID_ARGUMENT',
        JSON.stringify(options),
      );
    }
  });

  it('prints what went where, masked identities only', () => {
    assert.equal(
      describeSent({
        kind: 'selection',
        size: 22,
        phones: [
          { serial: '127.0.0.1:5555', masked: '****4380' },
          { serial: 'R58M', masked: null },
        ],
      }),
      'Sent the selection (22 characters) to 127.0.0.1:5555 (****4380), R58M',
    );
    assert.equal(
      describeSent({
        kind: 'link',
        size: 20,
        url: 'https://example.com/',
        phones: [{ serial: 'A', masked: null }],
      }),
      'Sent the link https://example.com/ to A',
    );
  });

  it('says it in Chinese, and an image’s size in KB', () => {
    const phones = [{ serial: 'A', masked: '****4380' }];
    assert.equal(
      describeSent({ kind: 'image', size: 2560, phones }, commandWords.zhCN.send, 'zh-CN'),
      '已将图片（2.5 KB）发送到 A (****4380)',
    );
    assert.equal(
      describeSent({ kind: 'text', size: 5, phones }, commandWords.zhCN.send, 'zh-CN'),
      '已将文字（5 个字符）发送到 A (****4380)',
    );
    assert.equal(
      describeSent({ kind: 'image', size: 2560, phones }),
      'Sent the image (2.5 KB) to A (****4380)',
    );
  });
});
