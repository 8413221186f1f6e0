// Phone → PC made visible, end to end: the simulated phone's page (real Chromium over the sim's adb
// reverse) sends text, a link and a file; each appears in the agent's GET /api/inbox, in the
// spawned `tandem inbox --json`, and in the desktop UI's Inbox, where "Open in the mirrored
// browser" opens the link in a new PC tab and the file's Open and Show in folder reach the system
// opener (a recording stand-in: the test launches nothing). The file is saved, whole, in the inbox
// folder (the walk rig's $TANDEM_INBOX_DIR), not in the data folder.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchTestChromium } from '../testing/chromium.js';
import { connectSim } from '../testing/connect-sim.js';
import { runTandem } from '../testing/tandem-cli.js';
import { waitFor } from '../testing/wait.js';
import { waitForPhoneState } from '../testing/wait-state.js';
import { useWalkRig } from '../testing/walk-rig.js';
import { luhnComplete } from '../testing/simulated-phone.js';

const opened: string[] = [];
const IMEI14 = '35693803564412';
const rig = useWalkRig(IMEI14, {
  fileOpener: {
    openPath: async (path) => void opened.push(`open ${path}`),
    showInFolder: async (path) => void opened.push(`show ${path}`),
  },
});
const upload = randomBytes(150 * 1024);
let phonePage: Page;
let desktop: Browser | undefined;
let context: BrowserContext;
let ui: Page;

interface Listed {
  kind: string;
  from: string;
  at: string;
  text?: string;
  url?: string;
  path?: string;
  name?: string;
  bytes: number;
}

before(() => {
  process.env.TANDEM_LOG_LEVEL ??= 'warn';
});

after(async () => {
  await desktop?.close();
});

const linkUrl = () => rig.site.url('/second.html');

test('the phone connects and sends text, a link and a file', async () => {
  const nextPage = rig.phone.nextPage();
  const status = waitForPhoneState(rig.agent.orchestrator, rig.sim.adbSerial, [
    'connected',
    'failed',
    'bound-elsewhere',
  ]);
  await connectSim(rig.adb, rig.sim);
  assert.equal((await status).state, 'connected');
  phonePage = await nextPage;
  await phonePage.locator('#peer', { hasText: 'PC connected' }).waitFor();
  await phonePage.locator('#view-inbox').waitFor({ state: 'visible', timeout: 15_000 });
  await phonePage.click('#view-inbox');

  await phonePage.fill('#send-text', 'typed on the phone');
  await phonePage.click('#send-button');
  await waitFor('the text in the inbox', () => rig.agent.inbox.list().length === 1);
  await phonePage.fill('#send-text', linkUrl());
  await phonePage.click('#send-button');
  await waitFor('the link in the inbox', () => rig.agent.inbox.list().length === 2);
  await phonePage.setInputFiles('#pick-file', {
    name: 'notes.bin',
    mimeType: 'application/octet-stream',
    buffer: upload,
  });
  await waitFor('the file in the inbox', () => rig.agent.inbox.list().length === 3, 15_000);
});

test('GET /api/inbox lists them newest first, from the masked phone, with sizes', async () => {
  const token = new URL(rig.agent.uiUrl).searchParams.get('token');
  const response = await fetch(`${rig.agent.controlUrl}/api/inbox`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(response.status, 200);
  const { items } = (await response.json()) as { items: Listed[] };
  assert.deepEqual(
    items.map((item) => item.kind),
    ['file', 'link', 'text'],
  );
  const [file, link, text] = items as [Listed, Listed, Listed];
  assert.equal(text.text, 'typed on the phone');
  assert.equal(text.bytes, 18);
  assert.equal(link.url, linkUrl());
  assert.equal(file.name, 'notes.bin');
  assert.equal(file.bytes, upload.length);
  for (const item of items) {
    assert.match(item.from, /^\*+\d{4}$/, 'the masked identity, never the raw one');
    assert.ok(!JSON.stringify(item).includes(luhnComplete(IMEI14)), 'no raw IMEI anywhere');
    assert.ok(!Number.isNaN(Date.parse(item.at)));
  }
});

test('the file is saved whole in the inbox folder, not in the data folder', () => {
  const [file] = rig.agent.inbox.list();
  assert.equal(file?.path, join(rig.inboxDir, 'notes.bin'));
  assert.ok(readFileSync(join(rig.inboxDir, 'notes.bin')).equals(upload));
  assert.equal(existsSync(join(rig.dataDir, 'received')), false);
});

test('tandem inbox --json lists the same items', async () => {
  const run = await runTandem(['inbox', '--json', '--data', rig.dataDir]);
  assert.equal(run.code, 0, run.stderr);
  const listed = JSON.parse(run.stdout) as Listed[];
  assert.deepEqual(
    listed.map(({ kind, text, url, path, bytes }) => ({ kind, text, url, path, bytes })),
    [
      {
        kind: 'file',
        text: undefined,
        url: undefined,
        path: join(rig.inboxDir, 'notes.bin'),
        bytes: upload.length,
      },
      { kind: 'link', text: undefined, url: linkUrl(), path: undefined, bytes: linkUrl().length },
      { kind: 'text', text: 'typed on the phone', url: undefined, path: undefined, bytes: 18 },
    ],
  );
  assert.ok(listed.every((item) => /^\*+\d{4}$/.test(item.from)));
  const human = await runTandem(['inbox', '--data', rig.dataDir], {
    ...process.env,
    LANG: 'en_US.UTF-8',
  });
  assert.match(human.stdout, /File · From .*\*+\d{4} · 150 KB/);
});

test('the desktop UI shows the items with time, phone and size, and acts on them', async () => {
  desktop = await launchTestChromium();
  context = await desktop.newContext({ locale: 'en-US', viewport: { width: 900, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: rig.agent.controlUrl,
  });
  ui = await context.newPage();
  await ui.goto(rig.agent.uiUrl);
  const inbox = ui.locator('#inbox');
  await inbox.getByRole('heading', { name: 'Inbox' }).waitFor();
  const items = inbox.locator('li.inbox-item');
  await waitFor('three inbox items', async () => (await items.count()) === 3);
  assert.deepEqual(
    await items.evaluateAll((li) => li.map((n) => (n as HTMLElement).dataset.kind)),
    ['file', 'link', 'text'],
  );
  const file = items.nth(0);
  const link = items.nth(1);
  const text = items.nth(2);
  assert.match(
    (await file.locator('.inbox-meta').textContent()) ?? '',
    /^File · .+ · From .+\*+\d{4} · 150 KB$/,
  );
  assert.equal(await file.locator('time').getAttribute('datetime'), rig.agent.inbox.list()[0]?.at);
  assert.equal(await inbox.locator('#inbox-empty').isVisible(), false);

  await text.getByRole('button', { name: 'Copy' }).click();
  await text.locator('.inbox-result', { hasText: 'Copied' }).waitFor();
  assert.equal(await ui.evaluate(() => navigator.clipboard.readText()), 'typed on the phone');

  const tabsBefore = rig.agent.browser!.tabs().length;
  await link.getByRole('button', { name: 'Open in the mirrored browser' }).click();
  await waitFor('a new PC tab with the link', () => {
    const tabs = rig.agent.browser!.tabs();
    return tabs.length === tabsBefore + 1 && tabs.some((tab) => tab.url === linkUrl());
  });
  const shown = rig.agent
    .browser!.tabs()
    .find((t) => t.id === rig.agent.browser!.mirror.shownTabId());
  assert.equal(shown?.url, linkUrl(), 'the phones are shown the opened link');

  await file.getByRole('button', { name: 'Open', exact: true }).click();
  await file.getByRole('button', { name: 'Show in folder' }).click();
  const saved = join(rig.inboxDir, 'notes.bin');
  await waitFor('the opener asked twice', () => opened.length === 2);
  assert.deepEqual(opened, [`open ${saved}`, `show ${saved}`]);
  await ui.screenshot({ path: join(tmpdir(), 'tandem-inbox-desktop.png'), fullPage: true });
});

test('a new item appears without a reload; a refusal shows words, its code only under Details', async () => {
  await phonePage.fill('#send-text', 'one more');
  await phonePage.click('#send-button');
  const items = ui.locator('#inbox li.inbox-item');
  await items.first().locator('.inbox-text', { hasText: 'one more' }).waitFor();
  rmSync(join(rig.inboxDir, 'notes.bin'));
  const file = ui.locator('#inbox li.inbox-item[data-kind="file"]');
  await file.getByRole('button', { name: 'Show in folder' }).click();
  const result = file.locator('.inbox-result.error');
  await result.waitFor();
  assert.match((await result.textContent()) ?? '', /The file is no longer in the inbox folder\./);
  assert.equal(await result.locator('details').getAttribute('open'), null, 'the code stays folded');
  assert.equal(await result.locator('details').textContent(), 'DetailsINBOX_FILE_MISSING');
});

test('the Inbox speaks Simplified Chinese once the language is switched, without a reload', async () => {
  const token = new URL(rig.agent.uiUrl).searchParams.get('token');
  const setLanguage = (language: string | null) =>
    fetch(`${rig.agent.controlUrl}/api/settings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ language }),
    });
  assert.equal((await setLanguage('zh-CN')).status, 200);
  const inbox = ui.locator('#inbox');
  await inbox.getByRole('heading', { name: '收件箱' }).waitFor();
  const link = inbox.locator('li.inbox-item[data-kind="link"]');
  await link.getByRole('button', { name: '在镜像浏览器中打开' }).waitFor();
  assert.match(
    (await link.locator('.inbox-meta').textContent()) ?? '',
    /^链接 · .+ · 来自 .+ · 0\.1 KB$/,
  );
  await ui.screenshot({ path: join(tmpdir(), 'tandem-inbox-desktop-zh.png'), fullPage: true });
  assert.equal((await setLanguage(null)).status, 200);
});
