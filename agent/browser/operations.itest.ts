// The phone's operations performed on a real headless Chromium page, by the recorder's node ids.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { eventWithTime } from '@rrweb/types';
import { PAGE_API } from '../../mirror/recorder/recorder-config.js';
import type { MirrorStream } from './mirror-stream.js';
import { performOperation, type OperationContext } from './operations.js';
import type { FixtureSite, TestHost } from '../../testing/fixture-site.js';
import { startMirroredSite, type MirroredSite } from '../../testing/mirrored-site.js';
import { waitFor } from '../../testing/wait.js';
import { EventType, IncrementalSource } from '../../protocol/rrweb-events.js';

describe('operations from the phone', () => {
  let site: FixtureSite;
  let test: TestHost;
  let mirror: MirrorStream;
  let context: OperationContext;
  const shown: eventWithTime[] = [];

  let rig: MirroredSite;

  before(async () => {
    rig = await startMirroredSite();
    ({ site, pc: test, mirror } = rig);
    mirror.onShownBatch((_tabId, batch) => shown.push(...batch.events));
    const tab = await test.host.open(site.url('/article.html'));
    await waitFor('recorder', () => test.host.evaluate(tab.id, `Boolean(window.${PAGE_API})`));
    context = { host: test.host, tabId: tab.id, show: (id) => mirror.show(id) };
  });
  after(() => rig.close());

  const idOf = (selector: string): Promise<number> =>
    waitFor(`node id of ${selector}`, async () => {
      const id = await test.host.evaluate<number>(
        context.tabId,
        `window.${PAGE_API}.idOf(${JSON.stringify(selector)})`,
      );
      return id > 0 ? id : 0;
    });
  const text = (selector: string): Promise<string> =>
    test.host.evaluate<string>(
      context.tabId,
      `document.querySelector(${JSON.stringify(selector)}).textContent`,
    );

  it('finds text, highlights it on the PC, steps through and clears', async () => {
    const query = await performOperation(context, {
      type: 'op.find',
      action: 'query',
      query: 'fox',
    });
    assert.deepEqual(query.find, { count: 2, index: 1 });
    const painted = await test.host.evaluate<number>(
      context.tabId,
      `CSS.highlights.get('tandem-find').size`,
    );
    assert.equal(painted, 2);
    assert.deepEqual((await performOperation(context, { type: 'op.find', action: 'next' })).find, {
      count: 2,
      index: 2,
    });
    assert.deepEqual((await performOperation(context, { type: 'op.find', action: 'next' })).find, {
      count: 2,
      index: 1,
    });
    assert.deepEqual(
      (await performOperation(context, { type: 'op.find', action: 'previous' })).find,
      { count: 2, index: 2 },
    );
    assert.deepEqual((await performOperation(context, { type: 'op.find', action: 'clear' })).find, {
      count: 0,
      index: 0,
    });
    assert.equal(
      await test.host.evaluate(context.tabId, `CSS.highlights.has('tandem-find')`),
      false,
    );
  });

  it('clicks the element a node id names, with a trusted click', async () => {
    await performOperation(context, { type: 'op.click', ref: String(await idOf('#btn')) });
    assert.equal(await text('#out'), 'clicked 1');
    await assert.rejects(performOperation(context, { type: 'op.click', ref: '999999' }), {
      code: 'OPERATION_FAILED',
    });
    await assert.rejects(performOperation(context, { type: 'op.click', ref: 'x' }), {
      code: 'OPERATION_FAILED',
    });
  });

  it('scrolls the PC page, and the PC scroll comes back in the stream (follow)', async () => {
    await performOperation(context, { type: 'op.scroll', x: 0, y: 1200 });
    assert.equal(await test.host.evaluate(context.tabId, 'window.scrollY'), 1200);
    await waitFor('scroll event in the stream', () =>
      shown.some(
        (e) =>
          e.type === EventType.IncrementalSnapshot &&
          (e.data as { source: number; y?: number }).source === IncrementalSource.Scroll &&
          (e.data as { y?: number }).y === 1200,
      ),
    );
  });

  it('copies an element text, selecting it on the PC', async () => {
    const copied = await performOperation(context, {
      type: 'op.copy',
      ref: String(await idOf('#para')),
    });
    assert.match(copied.text ?? '', /quick brown fox/);
    assert.match(
      await test.host.evaluate<string>(context.tabId, 'getSelection().toString()'),
      /quick brown fox/,
    );
  });

  it('never copies a password field, by its ref or as the focused selection', async () => {
    await performOperation(context, { type: 'op.navigate', url: site.url('/form.html') });
    await waitFor('recorder on the form', () =>
      test.host.evaluate(context.tabId, `Boolean(window.${PAGE_API})`),
    );
    await assert.rejects(
      performOperation(context, { type: 'op.copy', ref: String(await idOf('#pw')) }),
      { code: 'INPUT_MASKED' },
    );
    await test.host.evaluate(context.tabId, `document.getElementById('pw').select()`);
    await assert.rejects(performOperation(context, { type: 'op.copy' }), {
      code: 'INPUT_MASKED',
    });
    // Without mask-all-inputs, other fields are copied as the mirror shows them.
    const name = await performOperation(context, {
      type: 'op.copy',
      ref: String(await idOf('#name')),
    });
    assert.equal(name.text, 'initial');
  });

  it('types into a field, replacing its value with real input events', async () => {
    await performOperation(context, { type: 'op.navigate', url: site.url('/form.html') });
    await waitFor('recorder on the form', () =>
      test.host.evaluate(context.tabId, `Boolean(window.${PAGE_API})`),
    );
    await performOperation(context, {
      type: 'op.input',
      ref: String(await idOf('#name')),
      value: 'from the phone',
    });
    assert.equal(
      await test.host.evaluate(context.tabId, `document.getElementById('name').value`),
      'from the phone',
    );
    assert.equal(await text('#echo'), 'typed:from the phone');
  });

  it('goes back, forward, reloads, and navigates to search words', async () => {
    await performOperation(context, { type: 'op.back' });
    assert.equal(
      test.host.tabs().find((t) => t.id === context.tabId)?.url,
      site.url('/article.html'),
    );
    await performOperation(context, { type: 'op.forward' });
    assert.equal(test.host.tabs().find((t) => t.id === context.tabId)?.url, site.url('/form.html'));
    const loads = site.hits.get('/form.html') ?? 0;
    await performOperation(context, { type: 'op.reload' });
    assert.equal(site.hits.get('/form.html'), loads + 1);
    await performOperation(
      { ...context, searchUrl: site.url('/second.html?q=') },
      { type: 'op.navigate', url: 'two words' },
    );
    assert.equal(
      test.host.tabs().find((t) => t.id === context.tabId)?.url,
      site.url('/second.html?q=two%20words'),
    );
  });

  it('shows another tab: it becomes active and the stream follows it', async () => {
    const other = await test.host.open(site.url('/second.html'), { activate: false });
    await performOperation(context, { type: 'op.tab', action: 'show', tabId: other.id });
    assert.equal(test.host.activeTabId(), other.id);
    assert.equal(mirror.shownTabId(), other.id);
  });
});
