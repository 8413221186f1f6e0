// fetchImage against a real loopback HTTP server: the image comes back whole; a page that is not
// an image, an HTTP error, a body over the limit (declared or not) and a stalled answer are refused.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { PIXEL_PNG } from '../../testing/fixture-site.js';
import { fetchImage } from './fetch-image.js';

describe('fetchImage', () => {
  let server: Server;
  let origin = '';

  before(async () => {
    server = createServer((request, response) => {
      switch (request.url) {
        case '/pixel.png':
          return response.writeHead(200, { 'content-type': 'image/png' }).end(PIXEL_PNG);
        case '/page':
          return response.writeHead(200, { 'content-type': 'text/html' }).end('<p>hi</p>');
        case '/missing.png':
          return response.writeHead(404).end();
        case '/big-declared.png':
          return response
            .writeHead(200, { 'content-type': 'image/png', 'content-length': '5000' })
            .end(Buffer.alloc(5000));
        case '/big-chunked.png':
          response.writeHead(200, { 'content-type': 'image/png' });
          for (let i = 0; i < 10; i++) response.write(Buffer.alloc(1000));
          return response.end();
        case '/stall.png':
          return response.writeHead(200, { 'content-type': 'image/png' }).write(Buffer.alloc(10));
        default:
          return response.writeHead(500).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (error: { code?: string }) => error.code,
    );

  it('returns the bytes, the type and a file name', async () => {
    const image = await fetchImage(`${origin}/pixel.png`);
    assert.equal(image.mime, 'image/png');
    assert.equal(image.name, 'pixel.png');
    assert.deepEqual(Buffer.from(image.bytes), PIXEL_PNG);
  });

  it('refuses what is not an image, an HTTP error and a non-http URL', async () => {
    assert.equal(await codeOf(fetchImage(`${origin}/page`)), 'IMAGE_NOT_AN_IMAGE');
    assert.equal(await codeOf(fetchImage(`${origin}/missing.png`)), 'IMAGE_FETCH_FAILED');
    assert.equal(await codeOf(fetchImage('file:///etc/passwd')), 'CONTROL_BAD_REQUEST');
  });

  it('stops at the size limit, whether the length is declared or not', async () => {
    const small = { maxBytes: 4096 };
    assert.equal(await codeOf(fetchImage(`${origin}/big-declared.png`, small)), 'IMAGE_TOO_LARGE');
    assert.equal(await codeOf(fetchImage(`${origin}/big-chunked.png`, small)), 'IMAGE_TOO_LARGE');
    assert.equal((await fetchImage(`${origin}/big-chunked.png`)).bytes.length, 10_000);
  });

  it('gives up on a body that stalls (the timeout covers the whole transfer)', async () => {
    const code = await codeOf(fetchImage(`${origin}/stall.png`, { timeoutMs: 300 }));
    assert.equal(code, 'IMAGE_TIMEOUT');
  });
});
