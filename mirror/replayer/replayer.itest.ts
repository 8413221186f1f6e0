// The phone's replayer in a second headless Chromium (mobile emulation) rebuilds the PC page from
// the recorded stream, and the phone's gestures come back as operations the PC performs. In the PC's
// layout, where positions are the PC's pixels (fit-to-phone: phone-page/mirror-fit.itest.ts).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startMirrorStream, type MirrorStream, performOperation } from '../../testing/pc-mirror.js';
import {
  launchTestHost,
  startFixtureSite,
  type FixtureSite,
  type TestHost,
} from '../../testing/fixture-site.js';
import { launchTestPhone, type TestPhone } from '../../testing/replayer-phone.js';
import { waitFor } from '../../testing/wait.js';

describe('replayer on the phone (PC layout)', () => {
  let site: FixtureSite;
  let pc: TestHost;
  let phone: TestPhone;
  let mirror: MirrorStream;
  let tabId = '';
  let delivery = Promise.resolve();
  /** Every text the PC has sent in a batch so far, to know when a change has left the PC. */
  const sentTexts: string[] = [];

  before(async () => {
    site = await startFixtureSite();
    [pc, phone] = await Promise.all([launchTestHost(), launchTestPhone({ mode: 'pc' })]);
    mirror = await startMirrorStream(pc.host);
    // In order, one batch after the other, as the relay delivers them.
    mirror.onShownBatch((_tab, batch) => {
      sentTexts.push(JSON.stringify(batch.events));
      delivery = delivery.then(() => phone.addEvents(batch.events));
    });
    tabId = (await pc.host.open(site.url('/article.html'))).id;
  });
  after(async () => {
    mirror.stop();
    await Promise.all([pc.cleanup(), phone.close()]);
    await site.close();
  });

  it('rebuilds the PC page text, fitted to the phone width', async () => {
    await waitFor('article text on the phone', async () =>
      (await phone.text()).includes('Tandem fixture article'),
    );
    const fit = await phone.page.evaluate(() => {
      const wrapper = document.querySelector('.replayer-wrapper') as HTMLElement;
      return { transform: wrapper.style.transform, width: wrapper.getBoundingClientRect().width };
    });
    assert.match(fit.transform, /scale\(0\.3\d*\)/, 'a 1280 px page scaled to 393 px');
    assert.ok(fit.width <= 393.5, `fits the phone width (${fit.width})`);
  });

  it('shows a DOM change made on the PC', async () => {
    await pc.host.evaluate(
      tabId,
      `document.getElementById('out').textContent = 'live from the PC'`,
    );
    await waitFor('change on the phone', async () =>
      (await phone.text()).includes('live from the PC'),
    );
  });

  it('keeps a bounded number of events through a long run of changes, and still applies them', async () => {
    // 3,000 changes, each its own batch: as a ticking page sends them over a long session.
    await pc.host.evaluate(
      tabId,
      `new Promise((done) => { let n = 0; const tick = () => {
        document.getElementById('out').textContent = 'tick ' + (++n);
        if (n < 3000) setTimeout(tick, 0); else done(); }; tick(); })`,
    );
    // Each batch reaches the phone through its own page.evaluate, in order: on a busy machine the
    // phone may still be thousands of batches behind when the PC stops ticking. Wait for the PC to
    // send the last tick, then for the phone to have been handed every batch before it.
    await waitFor(
      'the last tick sent by the PC',
      () => sentTexts.some((text) => text.includes('tick 3000')),
      30_000,
    );
    await delivery;
    await waitFor('the last tick on the phone', async () =>
      (await phone.text()).includes('tick 3000'),
    );
    const kept = Number(await phone.page.evaluate('window.view.keptEvents()'));
    assert.ok(kept < 1_100, `the replayer holds ${kept} events of 3,000`);
    await pc.host.evaluate(tabId, `document.getElementById('out').textContent = 'after the trim'`);
    await waitFor('a change after the trim', async () =>
      (await phone.text()).includes('after the trim'),
    );
  });

  it('turns a tap on a mirrored button into a click on the PC', async () => {
    await phone.page.evaluate(() => {
      const frame = document.querySelector('#mirror iframe') as HTMLIFrameElement;
      (frame.contentDocument?.getElementById('btn') as HTMLElement).click();
    });
    const tap = await waitFor('tap call', async () =>
      (await phone.calls()).find((c) => c.kind === 'tap'),
    );
    await performOperation(
      { host: pc.host, tabId },
      { type: 'op.click', ref: String(tap.args[0]) },
    );
    assert.equal(
      await pc.host.evaluate(tabId, `document.getElementById('out').textContent`),
      'clicked 1',
    );
    await waitFor('click result mirrored back', async () =>
      (await phone.text()).includes('clicked 1'),
    );
  });

  it('in follow mode, scrolling on the phone scrolls the PC page to the same place', async () => {
    await phone.page.evaluate(() => {
      (window as unknown as { view: { setFollow(on: boolean): void } }).view.setFollow(true);
      const frame = document.querySelector('#mirror iframe') as HTMLIFrameElement;
      frame.contentWindow?.scrollTo(0, 900);
    });
    const scroll = await waitFor('scroll call', async () =>
      (await phone.calls()).find((c) => c.kind === 'scroll'),
    );
    const [x, y] = scroll.args as [number, number];
    await performOperation({ host: pc.host, tabId }, { type: 'op.scroll', x, y });
    assert.equal(await pc.host.evaluate(tabId, 'window.scrollY'), 900);
  });

  it('jumps to where the PC scrolled, with no glide through the places between', async () => {
    await phone.page.evaluate(() => {
      const frame = document.querySelector('#mirror iframe') as HTMLIFrameElement;
      const win = frame.contentWindow as Window & { seen?: number[] };
      win.seen = [];
      win.addEventListener('scroll', () => win.seen?.push(Math.round(win.scrollY)));
    });
    await pc.host.evaluate(tabId, 'window.scrollTo(0, 2200)');
    const seen = await waitFor('the phone at 2200', () =>
      phone.page.evaluate(() => {
        const frame = document.querySelector('#mirror iframe') as HTMLIFrameElement;
        const win = frame.contentWindow as Window & { seen: number[] };
        // The scroll event comes a frame after scrollY changes: wait for it to be seen too.
        return Math.round(win.scrollY) === 2200 && win.seen.includes(2200) ? win.seen : undefined;
      }),
    );
    assert.deepEqual([...new Set(seen)], [2200], 'only the PC’s place');
  });

  it('finds the same matches on the phone as on the PC', async () => {
    const onPc = await performOperation(
      { host: pc.host, tabId },
      { type: 'op.find', action: 'query', query: 'quick' },
    );
    const onPhone = await phone.page.evaluate(() =>
      (window as unknown as { view: { find(a: string, t: string): unknown } }).view.find(
        'query',
        'quick',
      ),
    );
    assert.deepEqual(onPhone, onPc.find);
    assert.equal((onPc.find?.count ?? 0) > 0, true);
  });

  it('draws a cross-origin frame as a striped placeholder of its size, with none of its content', async () => {
    const other = await startFixtureSite();
    try {
      // Another origin: localhost, where the PC page is on 127.0.0.1.
      const frameUrl = `${other.origin.replace('127.0.0.1', 'localhost')}/second.html`;
      await pc.host.evaluate(
        tabId,
        `(() => { const f = document.createElement('iframe'); f.id = 'xo'; f.width = 300;
          f.height = 150; f.src = ${JSON.stringify(frameUrl)}; document.body.prepend(f); })()`,
      );
      await waitFor('the frame loaded on the PC', () =>
        pc.host
          .pageOf(tabId)
          .frames()
          .some((f) => f.url() === frameUrl),
      );
      const onPc = await pc.host.evaluate<{ width: number; height: number }>(
        tabId,
        `(() => { const { width, height } = document.getElementById('xo').getBoundingClientRect();
          return { width, height }; })()`,
      );
      const placeholder = await waitFor('the placeholder on the phone', () =>
        phone.page.evaluate(() => {
          const doc = (document.querySelector('#mirror iframe') as HTMLIFrameElement)
            .contentDocument;
          // A blocked element keeps no attribute but its class and size: it is the only frame.
          const frame = doc?.querySelector('body iframe');
          if (!frame || !doc) return undefined;
          const box = frame.getBoundingClientRect();
          return {
            html: frame.outerHTML,
            background: getComputedStyle(frame).backgroundImage,
            width: box.width,
            height: box.height,
            frameText: [...doc.querySelectorAll('iframe')]
              .map((f) => f.contentDocument?.body?.textContent ?? '')
              .join(' '),
          };
        }),
      );
      assert.match(placeholder.background, /repeating-linear-gradient/, placeholder.html);
      assert.equal(Math.round(placeholder.width), Math.round(onPc.width), 'as wide as on the PC');
      assert.equal(Math.round(placeholder.height), Math.round(onPc.height), 'as tall');
      assert.doesNotMatch(placeholder.frameText, /second page text/);
      assert.doesNotMatch(await phone.text(), /second page text/);
    } finally {
      await pc.host.evaluate(tabId, `document.getElementById('xo')?.remove()`);
      await other.close();
    }
  });

  it('lists the PC tabs with "Show" and "Open on this phone"', async () => {
    await phone.page.evaluate((tabs) => {
      (window as unknown as { view: { setTabs(t: unknown): void } }).view.setTabs(tabs);
    }, pc.host.tabs());
    await phone.page.click(`li[data-tab-id="${tabId}"] .tandem-tab-show`);
    await phone.page.click(`li[data-tab-id="${tabId}"] .tandem-tab-open`);
    const calls = await phone.calls();
    assert.deepEqual(calls.find((c) => c.kind === 'showTab')?.args, [tabId]);
    assert.deepEqual(calls.find((c) => c.kind === 'openOnPhone')?.args, [
      site.url('/article.html'),
    ]);
  });
});
