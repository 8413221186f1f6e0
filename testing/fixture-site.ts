// Test support for the browser host and the mirror: fixture pages on a loopback http server, a
// headless Chromium host with a temporary profile.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromiumHost, type ChromiumBrowserHost } from '../agent/browser/chromium-host.js';

export interface FixtureSite {
  origin: string;
  url(path: string): string;
  /** How many times each path was requested. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A script that selects the article's headline in the page it runs in, as a person's drag does. */
export const SELECT_HEADLINE = `(() => {
  const range = document.createRange();
  range.selectNodeContents(document.getElementById('headline'));
  getSelection().removeAllRanges();
  getSelection().addRange(range);
})()`;

export const fixturePages: Record<string, string> = {
  '/article.html': `<!doctype html><html><head><title>Article</title>
<link rel="icon" href="/icon.png"><link rel="stylesheet" href="/style.css"></head><body>
<h1 id="headline">Tandem fixture article</h1>
<p id="para">The quick brown fox jumps over the lazy dog. A fox is quick.</p>
<img id="pixel" src="/pixel.png" width="10" height="10">
<button id="btn" onclick="document.getElementById('out').textContent='clicked ' + (++window.clicks)">Press me</button>
<div id="out">not clicked</div>
<script>window.clicks = 0;</script>
<div style="height:3000px">tall</div><p id="bottom">bottom text</p>
</body></html>`,
  '/form.html': `<!doctype html><html><head><title>Form</title></head><body>
<label>Name <input id="name" value="initial"></label>
<label>Password <input id="pw" type="password" value="s3cret-initial-pw"></label>
<textarea id="notes"></textarea>
<div id="echo"></div>
<script>document.getElementById('name').addEventListener('input', e => {
  document.getElementById('echo').textContent = 'typed:' + e.target.value; });</script>
</body></html>`,
  '/second.html': `<!doctype html><html><head><title>Second page</title></head><body>
<p>second page text</p></body></html>`,
  '/style.css': 'body { font-family: sans-serif; } h1 { background: url("/bg.png"); }',
};

export async function startFixtureSite(pages = fixturePages): Promise<FixtureSite> {
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path.endsWith('.png')) {
      response.writeHead(200, { 'content-type': 'image/png' }).end(PIXEL_PNG);
      return;
    }
    const body = pages[path];
    if (body === undefined) {
      response.writeHead(404).end('not found');
      return;
    }
    const type = path.endsWith('.css') ? 'text/css' : 'text/html; charset=utf-8';
    response.writeHead(200, { 'content-type': type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface TestHost {
  host: ChromiumBrowserHost;
  cleanup(): Promise<void>;
}

export async function launchTestHost(): Promise<TestHost> {
  const profileDir = mkdtempSync(join(tmpdir(), 'tandem-browser-'));
  const host = await launchChromiumHost({ profileDir, headless: true });
  return {
    host,
    cleanup: async () => {
      await host.shutdown();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
