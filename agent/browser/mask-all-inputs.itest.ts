// With the "mask all inputs" setting, no form field value reaches the phone: not the page's own
// initial values, not what the person types.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { eventWithTime } from '@rrweb/types';
import { PAGE_API } from '../../mirror/recorder/recorder-config.js';
import type { MirrorStream } from './mirror-stream.js';
import { performOperation } from './operations.js';
import type { FixtureSite, TestHost } from '../../testing/fixture-site.js';
import { startMirroredSite, type MirroredSite } from '../../testing/mirrored-site.js';
import { waitFor } from '../../testing/wait.js';
import { EventType, IncrementalSource } from '../../protocol/rrweb-events.js';

let site: FixtureSite;
let test: TestHost;
let mirror: MirrorStream;
const events: eventWithTime[] = [];

let rig: MirroredSite;

before(async () => {
  rig = await startMirroredSite({ recorder: { maskAllInputs: true } });
  ({ site, pc: test, mirror } = rig);
  mirror.onAnyBatch((_tabId, batch) => events.push(...batch.events));
});
after(() => rig.close());

it('masks every input value, typed or initial', async () => {
  const tab = await test.host.open(site.url('/form.html'));
  await waitFor('form snapshot', () => JSON.stringify(events).includes('notes'));
  await test.host.evaluate(tab.id, `document.getElementById('name').focus()`);
  await test.host.insertText(tab.id, 'typed-on-pc');
  await waitFor('an input event', () =>
    events.some(
      (e) =>
        e.type === EventType.IncrementalSnapshot &&
        (e.data as { source?: number }).source === IncrementalSource.Input,
    ),
  );
  const inputTexts = events
    .filter(
      (e) =>
        e.type === EventType.IncrementalSnapshot &&
        (e.data as { source?: number }).source === IncrementalSource.Input,
    )
    .map((e) => String((e.data as { text?: unknown }).text));
  assert.ok(inputTexts.length > 0);
  for (const text of inputTexts) assert.match(text, /^\**$/, 'typed values are masked');
  const snapshots = JSON.stringify(events.filter((e) => e.type === EventType.FullSnapshot));
  assert.doesNotMatch(snapshots, /"value":"initial"/, 'initial values are masked');
  assert.doesNotMatch(JSON.stringify(events), /s3cret-initial-pw/);
});

it('refuses to copy any field to the phone, by its ref or as the focused selection', async () => {
  const tab = await test.host.open(site.url('/form.html'));
  await waitFor('recorder', () => test.host.evaluate(tab.id, `Boolean(window.${PAGE_API})`));
  const context = { host: test.host, tabId: tab.id };
  for (const selector of ['#name', '#pw', '#notes']) {
    const id = await waitFor(`node id of ${selector}`, async () => {
      const found = await test.host.evaluate<number>(
        tab.id,
        `window.${PAGE_API}.idOf(${JSON.stringify(selector)})`,
      );
      return found > 0 ? found : 0;
    });
    await assert.rejects(performOperation(context, { type: 'op.copy', ref: String(id) }), {
      code: 'INPUT_MASKED',
    });
  }
  await test.host.evaluate(tab.id, `document.getElementById('name').select()`);
  await assert.rejects(performOperation(context, { type: 'op.copy' }), { code: 'INPUT_MASKED' });
  // Page text is not a form value: it is copied as before (the label, without its field's value).
  await test.host.evaluate(tab.id, `document.getElementById('name').blur()`);
  const labelId = await test.host.evaluate<number>(tab.id, `window.${PAGE_API}.idOf('label')`);
  const label = await performOperation(context, { type: 'op.copy', ref: String(labelId) });
  assert.equal(label.text?.trim(), 'Name');
});
