// A page still loading, in a real headless Chromium: the page agent sends its top as a preview while
// the parser waits for the rest (the server holds the response open), leaves out what a preview must
// not carry, and rrweb's own snapshot follows once the page is parsed. And a script's scroll brings
// the held-back rows it scrolls to before the page's next task (and its next frame).
import assert from 'node:assert/strict';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { eventWithTime } from '@rrweb/types';
import { benchPages, startMirrorStream, type MirrorStream } from '../../testing/pc-mirror.js';
import {
  launchTestHost,
  startFixtureSite,
  type FixtureSite,
  type TestHost,
} from '../../testing/fixture-site.js';
import { waitFor } from '../../testing/wait.js';
import { EventType } from '../../protocol/rrweb-events.js';
import { PREVIEW_IDS_FROM } from './early-view.js';
import type { SerializedNode } from './window-types.js';

const rows = (from: number, to: number): string =>
  Array.from({ length: to - from }, (_, k) => `<p id="r${from + k}">row ${from + k}</p>`).join('');

const TOP = `<!doctype html><html><head><title>Loading</title>
<script>window.secretFromScript = 'script-body-text';</script>
<style>p { margin: 0; line-height: 20px; }</style></head><body>
<label>Name <input id="name" value="typed-name-value"></label>
<input id="pw" type="password" value="s3cret-pw-value">
<textarea id="notes">notes-default-text</textarea>`;

/** A loopback server whose page arrives in parts the test releases, as a slow network sends it. */
interface Held {
  url: string;
  send(html: string): void;
  end(html: string): void;
  close(): Promise<void>;
}

function startHeldServer(): Promise<Held> {
  let open: ServerResponse | undefined;
  let ready: ((response: ServerResponse) => void) | undefined;
  const opened = new Promise<ServerResponse>((resolve) => (ready = resolve));
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    open = response;
    ready?.(response);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}/held.html`,
        send: (html) => void opened.then((response) => response.write(html)),
        end: (html) => void opened.then((response) => response.end(html)),
        close: () =>
          new Promise<void>((done) => {
            open?.destroy();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    }),
  );
}

const fullSnapshots = (batches: eventWithTime[][]) =>
  batches.flat().filter((event) => event.type === EventType.FullSnapshot);
const rootOf = (event: eventWithTime | undefined) =>
  (event?.data as { node: SerializedNode } | undefined)?.node;
const nodesOf = (node: SerializedNode | undefined): SerializedNode[] =>
  node ? [node, ...(node.childNodes ?? []).flatMap(nodesOf)] : [];
const isPreview = (event: eventWithTime) =>
  nodesOf(rootOf(event)).every((node) => node.id === 1 || node.id >= PREVIEW_IDS_FROM);

describe('the top of a page that is still loading', () => {
  let pc: TestHost;
  let mirror: MirrorStream;
  const batches: eventWithTime[][] = [];

  before(async () => {
    pc = await launchTestHost();
    mirror = await startMirrorStream(pc.host);
    mirror.onAnyBatch((_tab, batch) => batches.push(batch.events));
  });
  after(async () => {
    mirror.stop();
    await pc.cleanup();
  });

  /** Opens a page whose first part is `top`, the rest held back; `use` gets its first preview. */
  const whileLoading = async (
    top: string,
    use: (page: Held, preview: eventWithTime, opening: Promise<unknown>) => Promise<void>,
  ): Promise<void> => {
    const held = await startHeldServer();
    try {
      batches.length = 0;
      held.send(top);
      const opening = pc.host.open(held.url);
      opening.catch(() => undefined); // awaited by `use`; a failed test must not leave it unhandled
      const preview = await waitFor('a preview', () => fullSnapshots(batches).find(isPreview));
      await use(held, preview, opening);
    } finally {
      await held.close();
    }
  };

  it('goes as a preview while the rest is on its way, without form values or scripts; rrweb’s snapshot follows', async () => {
    await whileLoading(TOP + rows(0, 30), async (held, preview, opening) => {
      const text = JSON.stringify(rootOf(preview));
      assert.match(text, /row 0/);
      assert.match(text, /row 29/);
      for (const secret of ['typed-name-value', 's3cret-pw-value', 'notes-default-text']) {
        assert.ok(!text.includes(secret), `${secret} stays off the preview`);
      }
      assert.ok(!text.includes('script-body-text'), 'no script in a preview');
      assert.match(text, /line-height: 20px/, 'the page’s style is in it');
      const meta = batches
        .find((batch) => batch.includes(preview))
        ?.find((event) => event.type === EventType.Meta);
      assert.equal((meta?.data as { href?: string }).href, held.url);
      // The page grows while still loading: a later preview shows the new rows.
      held.send(rows(30, 60));
      await waitFor('a preview with the new rows', () =>
        fullSnapshots(batches).some((e) => isPreview(e) && JSON.stringify(e).includes('row 59')),
      );
      held.end(`${rows(60, 80)}</body></html>`);
      await opening;
      const recorded = await waitFor('rrweb’s snapshot of the whole page', () =>
        fullSnapshots(batches).find((e) => !isPreview(e) && JSON.stringify(e).includes('row 79')),
      );
      assert.ok(
        nodesOf(rootOf(recorded)).every((node) => node.id > 0 && node.id < PREVIEW_IDS_FROM),
        'rrweb numbers its snapshot itself',
      );
    });
  });

  it('keeps to its budget on a long page: the first screens, not the whole of what is parsed', async () => {
    await whileLoading(TOP + rows(0, 5000), async (held, preview, opening) => {
      const count = nodesOf(rootOf(preview)).length;
      assert.ok(count <= 1000, `${count} nodes ≤ the budget of 1,000`);
      assert.match(JSON.stringify(rootOf(preview)), /row 0/);
      assert.ok(!JSON.stringify(rootOf(preview)).includes('row 4999'), 'far rows left for later');
      held.end('</body></html>');
      await opening;
    });
  });
});

describe('a script’s scroll on a windowed page', () => {
  let site: FixtureSite;
  let pc: TestHost;
  let mirror: MirrorStream;
  const batches: eventWithTime[][] = [];

  before(async () => {
    site = await startFixtureSite(benchPages);
    pc = await launchTestHost();
    mirror = await startMirrorStream(pc.host);
    mirror.onAnyBatch((_tab, batch) => batches.push(batch.events));
  });
  after(async () => {
    mirror.stop();
    await pc.cleanup();
    await site.close();
  });

  it('brings the rows it scrolls to before the page’s next task, those in view first', async () => {
    const tab = await pc.host.open(site.url('/table.html'));
    const snapshot = await waitFor('the windowed snapshot', () =>
      fullSnapshots(batches).find((e) => !isPreview(e)),
    );
    assert.ok(!JSON.stringify(snapshot).includes('"c5000"'), 'row 5000 is held back');
    const since = batches.length;
    // A task queued before the scroll holds the main thread for 3 s, as a long script would: the
    // page's scroll event (and its next frame) wait behind it, the rows scrolled to must not.
    const scrolledAt = await pc.host.evaluate<number>(
      tab.id,
      `(() => {
        setTimeout(() => { const t = Date.now(); while (Date.now() - t < 3000); }, 0);
        document.getElementById('c5000').scrollIntoView();
        return Date.now();
      })()`,
    );
    const [reveal, revealedAt] = await waitFor(
      'the rows scrolled to',
      () => {
        const event = batches.slice(since).flat().find(revealsRow(5000));
        return event ? ([event, Date.now()] as const) : undefined;
      },
      6000,
    );
    assert.ok(revealedAt - scrolledAt < 1500, `arrived ${revealedAt - scrolledAt} ms after`);
    // In view first: the first reveal holds about a screen of rows (a 720 px viewport, 20 px rows
    // or more), and the rows around it follow in the next one.
    const firstRows = rowsAdded(reveal);
    assert.ok(firstRows.length <= 40, `${firstRows.length} rows in view`);
    const more = await waitFor('the rows around', () => {
      const later = batches.slice(since).flat();
      return later.slice(later.indexOf(reveal) + 1).find((e) => rowsAdded(e).length > 0);
    });
    assert.ok(
      rowsAdded(more).every((row) => !firstRows.includes(row)),
      'no row sent twice',
    );
  });
});

/** Ids of the cells `c<n>` a mutation adds. */
function rowsAdded(event: eventWithTime | undefined): string[] {
  if (event?.type !== EventType.IncrementalSnapshot) return [];
  const adds = (event.data as { adds?: { node: SerializedNode }[] }).adds ?? [];
  return adds
    .map(({ node }) => node.attributes?.id)
    .filter((id): id is string => typeof id === 'string' && /^c\d+$/.test(id));
}

const revealsRow =
  (row: number) =>
  (event: eventWithTime): boolean =>
    rowsAdded(event).includes(`c${row}`);
