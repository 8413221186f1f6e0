// The page agent in a real headless Chromium: how its batches leave the page (as JSON text, ahead of
// the page's own tasks) and how much of a burst of scrolling and pointer moves it lets through.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { eventWithTime } from '@rrweb/types';
import { type BrowserHost, startMirrorStream, type MirrorStream } from '../../testing/pc-mirror.js';
import {
  launchTestHost,
  startFixtureSite,
  type FixtureSite,
  type TestHost,
} from '../../testing/fixture-site.js';
import { DEFAULT_RECORDER_CONFIG, MIRROR_CHANNEL } from './recorder-config.js';
import { waitFor } from '../../testing/wait.js';
import { EventType, IncrementalSource } from '../../protocol/rrweb-events.js';

describe('page agent batches', () => {
  let site: FixtureSite;
  let pc: TestHost;
  let mirror: MirrorStream;
  /** typeof each payload the page handed the binding. */
  const payloadKinds: string[] = [];
  const batches: { at: number; events: eventWithTime[] }[] = [];

  before(async () => {
    site = await startFixtureSite();
    pc = await launchTestHost();
    // The host as the mirror stream sees it, with the page's raw payloads observed on the way.
    const host = pc.host;
    const spied = new Proxy(host, {
      get(target, property) {
        if (property === 'exposeChannel') {
          return (name: string, handler: Parameters<BrowserHost['exposeChannel']>[1]) =>
            target.exposeChannel(name, (tabId, payload) => {
              if (name === MIRROR_CHANNEL) payloadKinds.push(typeof payload);
              handler(tabId, payload);
            });
        }
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    mirror = await startMirrorStream(spied);
    mirror.onAnyBatch((_tab, batch) => batches.push({ at: Date.now(), events: batch.events }));
  });
  after(async () => {
    mirror.stop();
    await pc.cleanup();
    await site.close();
  });

  it('hands the agent each batch as JSON text (an object would be walked node by node)', async () => {
    const tab = await pc.host.open(site.url('/article.html'));
    await waitFor('full snapshot', () =>
      batches.some((b) => b.events.some((e) => e.type === EventType.FullSnapshot)),
    );
    await pc.host.evaluate(tab.id, `document.getElementById('out').textContent = 'as text'`);
    await waitFor('mutation', () => batches.some((b) => JSON.stringify(b).includes('as text')));
    assert.ok(payloadKinds.length > 0);
    assert.deepEqual([...new Set(payloadKinds)], ['string']);
  });

  it('sends a mutation before the page’s next task runs (not behind its layout or timers)', async () => {
    const tab = await pc.host.open(site.url('/article.html'));
    await waitFor('full snapshot', () =>
      batches.some((b) => b.events.some((e) => e.type === EventType.FullSnapshot)),
    );
    // A task queued before the change holds the page's main thread for 3 s, as a long layout or
    // script would; the change's batch must have left in the microtask checkpoint before it.
    const changedAt = await pc.host.evaluate<number>(
      tab.id,
      `(() => {
        setTimeout(() => { const t = Date.now(); while (Date.now() - t < 3000); }, 0);
        document.getElementById('out').textContent = 'before the busy task';
        return Date.now();
      })()`,
    );
    const batch = await waitFor(
      'the mutation',
      () => batches.find((b) => JSON.stringify(b.events).includes('before the busy task')),
      6000,
    );
    assert.ok(batch.at - changedAt < 1500, `arrived ${batch.at - changedAt} ms after the change`);
  });

  it('samples a burst of scrolling and pointer moves (recorder-config), keeping the last place', async () => {
    const tab = await pc.host.open(site.url('/article.html'));
    await waitFor('full snapshot', () =>
      batches.some((b) => b.events.some((e) => e.type === EventType.FullSnapshot)),
    );
    const since = batches.length;
    const startedAt = Date.now();
    // 200 scrolls, one every 4 ms (0.8 s), as a fling would make them.
    await pc.host.evaluate(
      tab.id,
      `new Promise((done) => { let i = 0; const timer = setInterval(() => {
        window.scrollTo(0, ++i * 10); if (i === 200) { clearInterval(timer); done(); } }, 4); })`,
    );
    const scrollMs = Date.now() - startedAt;
    // 100 pointer moves across the page.
    const mouse = pc.host.pageOf(tab.id).mouse;
    for (let i = 0; i < 100; i++) await mouse.move(10 + i * 5, 300);
    const moveMs = Date.now() - startedAt - scrollMs;
    // The trailing samples (scroll's last place, the pointer's last batch) arrive after the burst.
    await new Promise((resolve) => setTimeout(resolve, 800));
    const events = batches.slice(since).flatMap((b) => b.events);
    const of = (source: number) =>
      events.filter(
        (e) =>
          e.type === EventType.IncrementalSnapshot &&
          (e.data as { source?: number }).source === source,
      );
    const scrolls = of(IncrementalSource.Scroll);
    const scrollBound = Math.ceil(scrollMs / DEFAULT_RECORDER_CONFIG.scrollMs) + 2;
    assert.ok(scrolls.length >= 2, `some scrolls (${scrolls.length})`);
    assert.ok(scrolls.length <= scrollBound, `${scrolls.length} scrolls ≤ ${scrollBound}`);
    assert.equal((scrolls.at(-1)?.data as { y?: number }).y, 2000, 'the last place is sent');
    const positions = of(IncrementalSource.MouseMove).flatMap(
      (e) => (e.data as { positions: unknown[] }).positions,
    );
    const moveBound = Math.ceil(moveMs / DEFAULT_RECORDER_CONFIG.mousemoveMs) + 2;
    assert.ok(positions.length >= 1, 'pointer moves are recorded');
    assert.ok(positions.length <= moveBound, `${positions.length} positions ≤ ${moveBound}`);
  });
});
