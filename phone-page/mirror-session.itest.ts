// The whole mirror path as it runs for a person: the agent's real PhoneSession (recorder in a
// headless Chromium PC, batching, gzip parts) → the real relay → the phone page in Chromium with
// Pixel 7 emulation, which replays it and sends the person's typing back.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchTestChromium } from '../testing/chromium.js';
import {
  AssetProxy,
  startBrowserRuntime,
  type BrowserRuntime,
  PhoneSession,
  benchPages,
} from '../testing/pc-mirror.js';
import { fixturePages, startFixtureSite, type FixtureSite } from '../testing/fixture-site.js';
import { startRelayServer, type RelayServer } from '../testing/relay-server.js';
import { waitFor } from '../testing/wait.js';

/** Over the cap this test sets (6 MB), where the 10,000-row table (about 4 MB) is under it. */
const HUGE_PAGE = `<!doctype html><title>Huge</title><body><p id="blob">${'x'.repeat(7_000_000)}</p></body>`;

/** 6,000 cards four to a row: many nodes, but side by side, so not windowed. */
const GRID_PAGE = `<!doctype html><title>Grid</title><body><div style="display:grid;grid-template-columns:repeat(4,1fr)">${Array.from({ length: 6000 }, (_, i) => `<div id="g${i}" style="height:80px">card ${i}</div>`).join('')}</div></body>`;

describe('PhoneSession → relay → phone page', () => {
  let server: RelayServer;
  let site: FixtureSite;
  let dataDir: string;
  let runtime: BrowserRuntime;
  let session: PhoneSession;
  let phoneBrowser: Browser;
  let context: BrowserContext;
  let page: Page;

  /** Waits until each element (by id) of the phone's replayed document has its text. */
  const untilReplayed = async (texts: Record<string, string>, timeout = 30_000) => {
    await page.waitForFunction(
      (wanted) => {
        const doc = document.querySelector<HTMLIFrameElement>('#mirror iframe')?.contentDocument;
        return Object.entries(wanted).every(
          ([id, text]) => doc?.getElementById(id)?.textContent === text,
        );
      },
      texts,
      { timeout, polling: 50 },
    );
  };
  const relayed = (type: string) =>
    server.logs.filter((line) => line.includes(`"type":"${type}"`)).length;

  before(async () => {
    server = await startRelayServer();
    site = await startFixtureSite({
      ...fixturePages,
      '/table.html': benchPages['/table.html'] as string,
      '/huge.html': HUGE_PAGE,
      '/grid.html': GRID_PAGE,
    });
    dataDir = mkdtempSync(join(tmpdir(), 'tandem-mirror-session-'));
    runtime = await startBrowserRuntime({ dataDir, mode: 'headless', assets: new AssetProxy() });
    session = new PhoneSession({
      adb: undefined,
      serial: 'mirror-itest',
      serverUrl: server.base,
      reversePort: undefined,
      browser: runtime,
      receivedDir: join(dataDir, 'received'),
      log: pino({ level: 'silent' }),
      onPageClosed: () => undefined,
      mirrorEncoding: { maxBytes: 6_000_000 },
    });
    await session.open(server.relay.createSession());
    phoneBrowser = await launchTestChromium();
    context = await phoneBrowser.newContext({ ...devices['Pixel 7'], locale: 'en-US' });
    page = await context.newPage();
    await page.goto(session.phoneUrl);
    await page.locator('#peer', { hasText: 'PC connected' }).waitFor();
  });
  after(async () => {
    await session?.close({ phoneAttached: false });
    await context?.close();
    await Promise.all([phoneBrowser?.close(), runtime?.stop()]);
    await site?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the 10,000-row table windowed: the rows near the PC viewport first, the rest as the PC scrolls', async () => {
    const before = server.logs.length;
    const table = await runtime.open(site.url('/table.html'));
    await untilReplayed({ c0: 'row 0', c1: 'row 1' });
    const phone = (script: string) =>
      page.evaluate(
        `(() => { const doc = document.querySelector('#mirror iframe').contentDocument; return ${script}; })()`,
      );
    const pc = <T>(script: string) => runtime.host.evaluate<T>(table.id, script);
    assert.equal(await phone(`doc.getElementById('c9999')`), null, 'far rows are held back');
    assert.ok(Number(await phone(`doc.querySelectorAll('[data-tandem-held]').length`)) >= 1);
    // The placeholders keep the page's height, so scroll positions mean the same on both sides.
    const pcHeight = await pc<number>('document.documentElement.scrollHeight');
    const phoneHeight = Number(await phone('doc.documentElement.scrollHeight'));
    assert.ok(Math.abs(phoneHeight - pcHeight) / pcHeight < 0.02, `${phoneHeight} vs ${pcHeight}`);
    // The first view is a few KB, not the 4 MB (120 KB gzipped) of the whole table.
    const sizes = server.logs
      .slice(before)
      .filter((line) => /"type":"mirror\.(snapshot|part)"/.test(line))
      .map((line) => Number(/"size":(\d+)/.exec(line)?.[1] ?? 0));
    assert.ok(Math.max(...sizes) < 40_000, `largest snapshot frame ${Math.max(...sizes)} B`);

    // A row in view changes at once; a held-back row changes on the PC, then comes with it.
    await pc(`document.getElementById('c2').textContent = 'patched near'`);
    await untilReplayed({ c2: 'patched near' });
    await pc(`document.getElementById('c5000').textContent = 'patched far'`);
    await pc(`document.getElementById('c5003').closest('tr').remove()`);
    await pc(`(() => { const row = document.createElement('tr');
      row.innerHTML = '<td>new</td><td id="added">added far</td><td>0</td>';
      document.getElementById('c5006').closest('tr').before(row); })()`);
    await pc(`(() => { const field = document.createElement('input');
      field.type = 'password'; field.id = 'held-secret'; field.value = 'hunter2';
      document.getElementById('c5002').append(field); })()`);
    await pc(`document.getElementById('c5000').scrollIntoView({ block: 'center' })`);
    await untilReplayed({ c5000: 'patched far', added: 'added far', c5004: 'row 5004' });
    assert.equal(await phone(`doc.getElementById('c5003')`), null, 'the removed row stays gone');
    // A revealed row is serialised with the recorder's masking: a password never leaves the PC.
    const secret = String(await phone(`doc.getElementById('held-secret')?.value`));
    assert.ok(secret.length > 0 && !secret.includes('hunter2'), `masked: ${secret}`);
    // Around the revealed rows the phone's table reads as the PC's, row by row.
    const around = `[...doc.getElementById('c5000').closest('tr').parentNode.children]
      .filter((row) => !row.hasAttribute('data-tandem-held')).map((row) => row.textContent).join('|')`;
    const pcRows = await pc<string>(`(() => { const doc = document; return ${around}; })()`);
    const phoneRows = String(await phone(around));
    assert.ok(pcRows.includes(phoneRows.split('|').slice(1, 40).join('|')), 'same rows in order');
    assert.equal(await phone(`doc.getElementById('c0')?.textContent`), 'row 0', 'sent rows stay');
    // A revealed row keeps rrweb's ids: a tap on it clicks the very cell on the PC.
    await pc(
      `document.getElementById('c5001').onclick = () => { document.title = 'tapped 5001'; }`,
    );
    await phone(`doc.getElementById('c5001').click()`);
    await waitFor(
      'the tap at the PC cell',
      async () => (await pc<string>('document.title')) === 'tapped 5001',
      10_000,
    );
    // A phone that comes back gets a snapshot windowed where the PC is now.
    await page.reload();
    await untilReplayed({ c5000: 'patched far', added: 'added far' });
    assert.equal(await phone(`doc.getElementById('c0')`), null, 'the top is held back now');
  });

  it('sends a grid of cards whole: a tall placeholder would not fit among cards side by side', async () => {
    await runtime.open(site.url('/grid.html'));
    await untilReplayed({ g0: 'card 0', g5999: 'card 5999' });
    assert.equal(await page.locator('#mirror iframe').count(), 1);
  });

  it('a page over the cap shows "too large to mirror" instead of a blank page', async () => {
    const huge = await runtime.open(site.url('/huge.html'));
    const empty = page.locator('#mirror-empty');
    await empty.filter({ hasText: 'too large to mirror' }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('#mirror iframe').count(), 0, 'no stale or blank replay');
    await waitFor('mirror.unavailable relayed', () => relayed('mirror.unavailable') >= 1);
    // Its patches are not sent to a phone that cannot apply them.
    const before = server.logs.length;
    await runtime.host.evaluate(
      huge.id,
      `document.title = 'still huge'; document.body.append('x')`,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(
      server.logs.slice(before).filter((line) => line.includes('"type":"mirror.patch"')).length,
      0,
    );
    // Another page mirrors again.
    await runtime.open(site.url('/article.html'));
    await untilReplayed({ headline: 'Tandem fixture article' });
    assert.equal(await empty.isHidden(), true);
  });

  it('fast typing on the phone (30 ms a key) ends as the typed text on both sides', async () => {
    const TYPED = 'the quick brown fox jumps over the lazy dog, typed fast';
    const form = await runtime.open(site.url('/form.html'));
    await untilReplayed({ echo: '' });
    const field = page.frameLocator('#mirror iframe').locator('#notes');
    await field.tap();
    await field.pressSequentially(TYPED, { delay: 30 });
    const pcValue = () =>
      runtime.host.evaluate<string>(form.id, `document.getElementById('notes').value`);
    await waitFor('the typed text in the PC field', async () => (await pcValue()) === TYPED, {
      timeoutMs: 15_000,
      detail: async () => JSON.stringify(await pcValue()),
    });
    assert.equal(await pcValue(), TYPED, 'the PC field');
    // The PC's echoes have all come back by now; none may have undone a keystroke.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(await field.inputValue(), TYPED, 'the phone field');
  });
});
