// The phone's scripts over real HTTP: gzip when accepted, plain otherwise, and 304 for a phone that
// has the same version already (a replug revalidates instead of loading them again).
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { startRelayServer, type RelayServer } from '../../testing/relay-server.js';

function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('the phone scripts', () => {
  let server: RelayServer;
  before(async () => {
    server = await startRelayServer({});
  });
  after(async () => {
    await server?.close();
  });

  it('go gzip-compressed when accepted, and 304 when the phone has them', async () => {
    const url = `${server.base}/m/phone.js`;
    const plain = await get(url, {});
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    const zipped = await get(url, { 'accept-encoding': 'gzip, deflate' });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zipped.headers.vary, 'accept-encoding');
    assert.deepEqual(gunzipSync(zipped.body), plain.body);
    assert.ok(
      zipped.body.length * 2 < plain.body.length,
      `${zipped.body.length} of ${plain.body.length}`,
    );
    const etag = String(zipped.headers.etag);
    assert.match(etag, /^"[\w-]+"$/);
    const again = await get(url, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
  });
});
