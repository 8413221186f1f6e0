// The Wi-Fi mode: the phone page opened on a non-secure origin (a LAN-like name mapped to
// 127.0.0.1, as http://192.168.x.y:PORT would be) has no crypto.subtle, loads the pure-JS sealing,
// and sends and receives text and files sealed with the PC, through the real server and its Host
// policy. On a secure origin the page never loads that script.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { devices, type Browser, type Page } from 'playwright-core';
import { sendFile } from '../relay-client/file-transfer.js';
import { launchLanChromium, startLanServer, type LanServer } from '../testing/lan-server.js';
import { nodeTerminal, sessionUrls } from '../testing/relay-server.js';
import { collectAtPc } from '../testing/pc-inbox.js';
import { waitFor } from '../testing/wait.js';

const SEALING_SCRIPT = '/m/sealing.js';

/** What the page sent and received on its WebSockets, and which scripts it asked for. */
function watch(page: Page): { frames: string[]; scripts: string[] } {
  const seen = { frames: [] as string[], scripts: [] as string[] };
  page.on('websocket', (socket) => {
    socket.on('framesent', (frame) => seen.frames.push(String(frame.payload)));
    socket.on('framereceived', (frame) => seen.frames.push(String(frame.payload)));
  });
  page.on('request', (request) => {
    if (request.resourceType() === 'script') seen.scripts.push(new URL(request.url()).pathname);
  });
  return seen;
}

describe('phone page on a non-secure origin (the Wi-Fi mode)', () => {
  let server: LanServer;
  let browser: Browser;
  before(async () => {
    server = await startLanServer();
    browser = await launchLanChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no crypto.subtle, and still sends and receives text and files, sealed', async () => {
    const urls = sessionUrls(server);
    const pc = nodeTerminal(urls.pc, 'pc').client.start();
    const { messages: atPc, file: fileAtPc } = collectAtPc(pc);
    const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'en-US' });
    const page = await context.newPage();
    const seen = watch(page);
    const phoneUrl = server.onLan(urls.phone);
    assert.ok(phoneUrl.startsWith('http://tandem-lan.test:'), phoneUrl);
    await page.goto(phoneUrl);
    assert.equal(await page.evaluate(() => window.isSecureContext), false);
    assert.equal(await page.evaluate(() => typeof globalThis.crypto.subtle), 'undefined');
    await page.locator('#status', { hasText: 'Connected' }).waitFor();
    await page.locator('#peer', { hasText: 'PC connected' }).waitFor();

    // The PC to the phone: text and a file, opened by the page's pure-JS AES-GCM and SHA-256.
    await pc.send({ type: 'data.text', text: 'hello over the Wi-Fi' });
    const download = new Uint8Array(randomBytes(100 * 1024));
    await sendFile((m) => pc.send(m), {
      name: 'from-pc.bin',
      mime: 'application/octet-stream',
      kind: 'file',
      bytes: download,
    });
    await page.locator('#inbox .text', { hasText: 'hello over the Wi-Fi' }).waitFor();
    const save = page.locator('#inbox a[download="from-pc.bin"]');
    await save.waitFor();
    const [saving] = await Promise.all([page.waitForEvent('download'), save.click()]);
    const saved = await readFile(await saving.path());
    assert.ok(Buffer.from(saved).equals(download), 'the file arrived whole at the phone');
    await waitFor('the phone checked the file', () =>
      atPc.some((m) => m.type === 'data.file.progress' && m.done && m.ok),
    );

    // The phone to the PC: text and a file, sealed by the page.
    await page.fill('#send-text', 'typed on the phone');
    await page.click('#send-button');
    const upload = randomBytes(200 * 1024);
    await page.setInputFiles('#pick-file', {
      name: 'from-phone.bin',
      mimeType: 'application/octet-stream',
      buffer: upload,
    });
    await waitFor('the file from the phone', () => fileAtPc() !== undefined);
    assert.ok(Buffer.from(fileAtPc()!.bytes).equals(upload));
    assert.deepEqual(
      atPc.filter((m) => m.type === 'data.text'),
      [{ type: 'data.text', text: 'typed on the phone' }],
    );

    assert.deepEqual(seen.scripts, ['/m/phone.js', SEALING_SCRIPT], 'the pure-JS sealing loaded');
    const messages = seen.frames.filter(
      (f) => f.startsWith('{"t":"msg"') || f.includes('"t":"msg"'),
    );
    assert.ok(messages.length >= 4, `messages crossed (${messages.length})`);
    for (const frame of messages) {
      assert.ok(/"sealed":"/.test(frame) && !frame.includes('"body"'), 'every message is sealed');
    }
    for (const plain of ['hello over the Wi-Fi', 'typed on the phone', 'from-pc.bin']) {
      assert.ok(!seen.frames.some((f) => f.includes(plain)), `"${plain}" never crosses in clear`);
    }
    await context.close();
    pc.close();
  });

  it('on a secure origin (loopback) uses WebCrypto and never loads the pure-JS sealing', async () => {
    const urls = sessionUrls(server);
    const pc = nodeTerminal(urls.pc, 'pc').client.start();
    const texts: string[] = [];
    pc.on('message', (m) => m.type === 'data.text' && texts.push(m.text));
    const context = await browser.newContext({ ...devices['Pixel 7'], locale: 'en-US' });
    const page = await context.newPage();
    const seen = watch(page);
    await page.goto(urls.phone);
    assert.equal(await page.evaluate(() => window.isSecureContext), true);
    await page.locator('#peer', { hasText: 'PC connected' }).waitFor();
    await pc.send({ type: 'data.text', text: 'hello over USB' });
    await page.locator('#inbox .text', { hasText: 'hello over USB' }).waitFor();
    await page.fill('#send-text', 'back over USB');
    await page.click('#send-button');
    await waitFor('the text from the phone', () => texts.includes('back over USB'));
    assert.deepEqual(seen.scripts, ['/m/phone.js']);
    await context.close();
    pc.close();
  });
});
