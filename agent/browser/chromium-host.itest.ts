// The Chromium host with a real headless Chromium: tabs, navigation, and the recorder's stream.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { eventWithTime } from '@rrweb/types';
import type { BrowserHostEvent } from './browser-host.js';
import { collectAssetUrls } from './asset-urls.js';
import type { MirrorStream } from './mirror-stream.js';
import { startFixtureSite, type FixtureSite, type TestHost } from '../../testing/fixture-site.js';
import { startMirroredSite, type MirroredSite } from '../../testing/mirrored-site.js';
import { waitFor } from '../../testing/wait.js';
import { EventType } from '../../protocol/rrweb-events.js';

describe('chromium host and recorder', () => {
  let site: FixtureSite;
  let test: TestHost;
  let mirror: MirrorStream;
  const hostEvents: BrowserHostEvent[] = [];
  const received: { tabId: string; url: string; events: eventWithTime[] }[] = [];

  let rig: MirroredSite;

  before(async () => {
    rig = await startMirroredSite();
    ({ site, pc: test, mirror } = rig);
    test.host.on((event) => hostEvents.push(event));
    mirror.onAnyBatch((tabId, batch) => received.push({ tabId, ...batch }));
  });
  after(() => rig.close());

  const eventsOf = (tabId: string, url: string): eventWithTime[] =>
    received.filter((b) => b.tabId === tabId && b.url === url).flatMap((b) => b.events);

  it('opens tabs with URL, title and favicon, switches, goes back and forward, closes', async () => {
    const { host } = test;
    const article = await host.open(site.url('/article.html'));
    assert.equal(host.activeTabId(), article.id);
    await waitFor('title', () => host.tabs().find((t) => t.id === article.id)?.title === 'Article');
    const tab = host.tabs().find((t) => t.id === article.id);
    assert.equal(tab?.favicon, site.url('/icon.png'));
    assert.equal(tab?.active, true);

    const second = await host.open(site.url('/second.html'), { activate: false });
    assert.equal(host.activeTabId(), article.id);
    await host.activate(second.id);
    assert.equal(host.activeTabId(), second.id);
    assert.ok(hostEvents.some((e) => e.type === 'tab.activated' && e.tabId === second.id));

    await host.navigate(second.id, site.url('/form.html'));
    await host.back(second.id);
    assert.equal(host.tabs().find((t) => t.id === second.id)?.url, site.url('/second.html'));
    await host.forward(second.id);
    assert.equal(host.tabs().find((t) => t.id === second.id)?.url, site.url('/form.html'));
    assert.ok(hostEvents.some((e) => e.type === 'navigated' && e.tabId === second.id));

    await host.close(second.id);
    assert.equal(
      host.tabs().some((t) => t.id === second.id),
      false,
    );
    assert.equal(host.activeTabId(), article.id);
    await assert.rejects(host.navigate(article.id, 'file:///etc/passwd'), { code: 'INVALID_URL' });
    await assert.rejects(host.back('tab-999'), { code: 'TAB_NOT_FOUND' });
  });

  it('follows a title and an icon the page sets after it loaded', async () => {
    const { host } = test;
    const late = await startFixtureSite({
      '/late.html': `<!doctype html><html><head><title>Loading…</title></head><body>
<script>addEventListener('load', () => setTimeout(() => {
  document.title = 'Inbox (3)';
  const icon = document.createElement('link');
  icon.rel = 'icon';
  icon.href = '/late-icon.png';
  document.head.append(icon);
}, 300));</script></body></html>`,
    });
    try {
      const tab = await host.open(late.url('/late.html'));
      const current = () => host.tabs().find((t) => t.id === tab.id);
      await waitFor('the title set after load', () => current()?.title === 'Inbox (3)');
      await waitFor(
        'the icon set after load',
        () => current()?.favicon === late.url('/late-icon.png'),
      );
      assert.ok(
        hostEvents.some(
          (e) => e.type === 'tab.updated' && e.tab.id === tab.id && e.tab.title === 'Inbox (3)',
        ),
        'the change reaches the listeners (the phones’ tab list)',
      );
      await host.evaluate(tab.id, `document.title = 'Inbox (4)'`);
      await waitFor('a later title change', () => current()?.title === 'Inbox (4)');
      await host.close(tab.id);
    } finally {
      await late.close();
    }
  });

  it('streams a full snapshot, then an incremental mutation on a DOM change', async () => {
    const { host } = test;
    const tab = await host.open(site.url('/article.html'));
    const url = site.url('/article.html');
    await waitFor('full snapshot', () =>
      eventsOf(tab.id, url).some((e) => e.type === EventType.FullSnapshot),
    );
    assert.match(JSON.stringify(eventsOf(tab.id, url)), /Tandem fixture article/);

    await host.evaluate(tab.id, `document.getElementById('out').textContent = 'changed on the PC'`);
    await waitFor('mutation', () =>
      eventsOf(tab.id, url).some(
        (e) =>
          e.type === EventType.IncrementalSnapshot &&
          JSON.stringify(e.data).includes('changed on the PC'),
      ),
    );
    const urls = collectAssetUrls(eventsOf(tab.id, url), url);
    assert.ok(urls.has(site.url('/pixel.png')), 'the image is in the stream');
    assert.ok(urls.has(site.url('/bg.png')), 'the stylesheet background is in the stream');

    // On demand (a phone rejoins): a fresh full snapshot of the shown tab.
    const before = eventsOf(tab.id, url).filter((e) => e.type === EventType.FullSnapshot).length;
    await mirror.show(tab.id);
    await waitFor(
      'second full snapshot',
      () => eventsOf(tab.id, url).filter((e) => e.type === EventType.FullSnapshot).length > before,
    );
  });

  it('never lets a password value into the stream', async () => {
    const { host } = test;
    const tab = await host.open(site.url('/form.html'));
    const url = site.url('/form.html');
    await waitFor('form snapshot', () =>
      eventsOf(tab.id, url).some((e) => e.type === EventType.FullSnapshot),
    );
    await host.evaluate(tab.id, `document.getElementById('pw').focus()`);
    await host.insertText(tab.id, 'typed-secret-9');
    await host.evaluate(tab.id, `document.getElementById('name').focus()`);
    await host.insertText(tab.id, 'visible');
    await waitFor('name input event', () =>
      JSON.stringify(eventsOf(tab.id, url)).includes('visible'),
    );
    const all = JSON.stringify(received);
    assert.doesNotMatch(all, /s3cret-initial-pw/);
    assert.doesNotMatch(all, /typed-secret-9/);
  });

  it('shows a cross-origin frame as a placeholder and keeps streaming', async () => {
    const { host } = test;
    const other = await startFixtureSite();
    try {
      const crossOrigin = other.origin.replace('127.0.0.1', 'localhost');
      const tab = await host.open(site.url('/article.html'));
      await host.evaluate(
        tab.id,
        `(() => { const f = document.createElement('iframe'); f.id = 'xo';
          f.src = ${JSON.stringify(`${crossOrigin}/second.html`)}; document.body.prepend(f); })()`,
      );
      const articleUrl = site.url('/article.html');
      await waitFor('iframe mutation', () =>
        eventsOf(tab.id, articleUrl).some((e) => JSON.stringify(e.data).includes('rr_width')),
      );
      assert.doesNotMatch(JSON.stringify(eventsOf(tab.id, articleUrl)), /second page text/);
      await host.evaluate(tab.id, `document.getElementById('out').textContent = 'after frame'`);
      await waitFor('stream goes on', () =>
        JSON.stringify(eventsOf(tab.id, articleUrl)).includes('after frame'),
      );
    } finally {
      await other.close();
    }
  });
});
