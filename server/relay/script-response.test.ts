import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, notModified, scriptResponse } from './script-response.js';

describe('a phone script response', () => {
  it('is gzip that unpacks to the script, much smaller, with a content ETag', () => {
    const text = 'console.log("tandem");\n'.repeat(500);
    const made = scriptResponse(text);
    assert.equal(gunzipSync(made.gzip).toString('utf8'), text);
    assert.ok(made.gzip.length * 3 < made.plain.length);
    assert.equal(scriptResponse(text).etag, made.etag, 'the same script, the same tag');
    assert.notEqual(scriptResponse(`${text};`).etag, made.etag);
  });

  it('reads If-None-Match and Accept-Encoding as browsers send them', () => {
    const { etag } = scriptResponse('x');
    assert.equal(notModified(etag, etag), true);
    assert.equal(notModified(`W/${etag}, "other"`, etag), true);
    assert.equal(notModified('"other"', etag), false);
    assert.equal(notModified(undefined, etag), false);
    assert.equal(acceptsGzip('gzip, deflate, br'), true);
    assert.equal(acceptsGzip('br;q=1, gzip;q=0'), false);
    assert.equal(acceptsGzip('identity'), false);
    assert.equal(acceptsGzip(undefined), false);
  });
});
