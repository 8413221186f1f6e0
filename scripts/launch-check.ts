// The release workflow's launch check: starts the packaged app as built for this runner (fuses
// flipped, so no Playwright `_electron`, which needs --inspect) with --remote-debugging-port,
// attaches Playwright over CDP, waits for the Tandem window to show its ready state, and asks the
// agent's /api/status from that window with the window's own token. Exits non-zero otherwise.
//   node --import tsx scripts/launch-check.ts [--app PATH] [--timeout-ms N]
// Without --app it takes the unpacked app of this OS and architecture under dist/installers.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { packagedExecutable } from './packaged-executable.js';

const root = fileURLToPath(new URL('../', import.meta.url));
/** The desktop UI's line once it reached the agent (desktop-ui/agent-view.ts). */
const READY = /^(Ready: plug a phone in to pair\.|Pairing is paused\.)$/;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function until<T>(what: string, deadline: number, probe: () => Promise<T | undefined>) {
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`launch check: timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

/** The Tandem window: the desktop UI's page, not the browser window's toolbar. */
async function tandemWindow(browser: Browser): Promise<Page | undefined> {
  const pages = browser.contexts().flatMap((context) => context.pages());
  for (const page of pages) {
    if ((await page.locator('#connection').count()) > 0) return page;
  }
  return undefined;
}

async function main(): Promise<void> {
  const arch = process.arch === 'arm64' ? 'arm64' : 'x64';
  const app = resolve(
    option('--app') ?? packagedExecutable(join(root, 'dist/installers'), process.platform, arch),
  );
  const deadline = Date.now() + Number(option('--timeout-ms') ?? 120_000);
  const port = await freePort();
  const args = [`--remote-debugging-port=${port}`];
  // Linux runners refuse Chromium's sandbox to an unpacked app (no setuid chrome-sandbox).
  if (process.platform === 'linux') args.push('--no-sandbox');
  console.log(`launch check: starting ${app}`);
  const child = spawn(app, args, { stdio: 'inherit' });
  const exited = new Promise<never>((_, fail) =>
    child.once('exit', (code, signal) =>
      fail(new Error(`launch check: the app exited early (${code ?? signal})`)),
    ),
  );
  // Once the check is done, the app's exit (we stop it) is expected, not a failure.
  exited.catch(() => undefined);
  try {
    await Promise.race([exited, check(port, deadline)]);
    console.log('launch check: passed');
  } finally {
    child.kill();
  }
}

async function check(port: number, deadline: number): Promise<void> {
  const endpoint = `http://127.0.0.1:${port}`;
  const browser = await until('the debugging port', deadline, () =>
    chromium.connectOverCDP(endpoint, { timeout: 5_000 }),
  );
  try {
    const page = await until('the Tandem window', deadline, () => tandemWindow(browser));
    const line = await until('the ready state', deadline, async () => {
      const text = (await page.locator('#connection').textContent())?.trim() ?? '';
      return READY.test(text) ? text : undefined;
    });
    console.log(`launch check: the window says "${line}"`);
    const status = await page.evaluate(async () => {
      const token = sessionStorage.getItem('tandem-token') ?? '';
      const answer = await fetch('/api/status', { headers: { authorization: `Bearer ${token}` } });
      return { code: answer.status, body: (await answer.json()) as unknown };
    });
    const body = status.body as { devices?: unknown; paused?: unknown };
    if (status.code !== 200 || !Array.isArray(body.devices) || typeof body.paused !== 'boolean') {
      throw new Error(`launch check: /api/status answered ${status.code} ${JSON.stringify(body)}`);
    }
    console.log(`launch check: /api/status answered ${status.code}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
