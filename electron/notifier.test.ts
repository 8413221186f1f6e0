// Notifications through an injected factory: each deduplicated, each with a click action, for the
// phone's states and what it sends.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { PhoneStatus } from '../agent/pairing/states.js';
import { Notifier, type CreateNotification, type NotificationContent } from './notifier.js';
import { phoneNotice, phoneNoticePrefix, receivedNotice } from './phone-notices.js';
import { wordsFor } from '../protocol/i18n/desktop-words.js';
import { samplePhone } from '../testing/sample-phone.js';

function fakeNotifications() {
  const shown: { content: NotificationContent; click(): void }[] = [];
  const create: CreateNotification = (content) => {
    const listeners: Record<string, () => void> = {};
    return {
      show: () => shown.push({ content, click: () => listeners.click?.() }),
      on: (event, listener) => (listeners[event] = listener),
    };
  };
  return { shown, create };
}

const words = wordsFor('en');

function status(state: PhoneStatus['state']): PhoneStatus {
  return samplePhone(state);
}

describe('notifier', () => {
  it('shows a key once until it is forgotten, and runs its click action', () => {
    const { shown, create } = fakeNotifications();
    const notifier = new Notifier(create);
    const clicks: string[] = [];
    const content = { title: 'T', body: 'B' };
    assert.equal(notifier.notify('k', content, { onClick: () => clicks.push('k') }), true);
    assert.equal(notifier.notify('k', content, { onClick: () => clicks.push('again') }), false);
    assert.equal(shown.length, 1);
    shown[0]?.click();
    assert.deepEqual(clicks, ['k']);
    notifier.forget('k');
    assert.equal(notifier.notify('k', content, { onClick: () => undefined }), true);
  });

  it('shows a key again after its window', () => {
    let now = 1_000;
    const { shown, create } = fakeNotifications();
    const notifier = new Notifier(create, () => now);
    const options = { windowMs: 10_000, onClick: () => undefined };
    notifier.notify('r', { title: 'T', body: 'B' }, options);
    now += 9_999;
    notifier.notify('r', { title: 'T', body: 'B' }, options);
    now += 1;
    notifier.notify('r', { title: 'T', body: 'B' }, options);
    assert.equal(shown.length, 2);
  });

  it('shows nothing where notifications are unsupported', () => {
    assert.equal(
      new Notifier(undefined).notify('k', { title: '', body: '' }, { onClick: () => undefined }),
      false,
    );
  });

  it('notices a phone plugged in and paired, needing USB debugging, paired elsewhere', () => {
    assert.deepEqual(phoneNotice(words, status('connected'))?.content, {
      title: 'Phone connected',
      body: 'Pixel 8 ****4321 is plugged in and paired: browsing now shows on it.',
    });
    assert.equal(phoneNotice(words, status('unauthorized'))?.content.title, 'Allow USB debugging');
    assert.equal(
      phoneNotice(words, status('bound-elsewhere'))?.content.title,
      'Paired with another computer',
    );
    for (const quiet of [
      'detected',
      'identifying',
      'checking',
      'connecting',
      'failed',
      'gone',
    ] as const) {
      assert.equal(phoneNotice(words, status(quiet)), undefined, quiet);
    }
    assert.ok(
      phoneNotice(words, status('connected'))?.key.startsWith(phoneNoticePrefix('R58M123')),
    );
  });

  it('notices what the phone sends: text, a link, a file', () => {
    assert.equal(
      receivedNotice(words, { serial: 's', kind: 'text', text: 'hello\nthere' }).content.body,
      'hello there',
    );
    assert.equal(
      receivedNotice(words, { serial: 's', kind: 'link', url: 'https://example.org/' }).content
        .body,
      'A link: https://example.org/',
    );
    assert.equal(
      receivedNotice(words, {
        serial: 's',
        kind: 'file',
        name: 'a.jpg',
        path: '/x/a.jpg',
        bytes: 1,
        image: true,
      }).content.body,
      'A file: a.jpg',
    );
    const long = receivedNotice(words, { serial: 's', kind: 'text', text: 'x'.repeat(500) });
    assert.equal(long.content.body.length, 120);
  });
});
