// Bad requests of every kind get the catalogued status and code, and never echo the identity.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { errorCatalogue, ServerErrorCode } from './errors.js';
import {
  imeiIdentity,
  post,
  registerClient,
  tempDir,
  testApp,
  TEST_IMEI,
  type TestClient,
} from '../testing/server-app.js';

describe('pairing server errors', () => {
  const dir = tempDir('tandem-errors-');
  let app: FastifyInstance;
  let client: TestClient;
  before(async () => {
    app = testApp(dir.path, { rateLimit: false });
    client = await registerClient(app);
  });
  after(async () => {
    await app.close();
    dir.remove();
  });

  const expectError = async (request: InjectOptions, status: number, code: string) => {
    const response = await app.inject(request);
    assert.equal(response.statusCode, status, response.body);
    assert.equal(response.json().error.code, code);
    assert.equal(typeof response.json().error.message, 'string');
    assert.ok(!response.body.includes(TEST_IMEI), 'the IMEI is not echoed');
    return response;
  };

  it('401 UNAUTHENTICATED for missing, malformed, unknown or wrong credentials', async () => {
    const body = { identity: imeiIdentity };
    const base = { method: 'POST' as const, url: '/v1/bindings/lookup', payload: body };
    const missing = await expectError(base, 401, 'UNAUTHENTICATED');
    assert.equal(missing.headers['www-authenticate'], 'Bearer');
    await expectError({ ...base, headers: { authorization: 'Basic abc' } }, 401, 'UNAUTHENTICATED');
    const [id, credential] = client.headers.authorization.slice('Bearer '.length).split('.');
    const wrong = `${credential!.slice(0, -1)}${credential!.endsWith('A') ? 'B' : 'A'}`;
    await expectError(
      { ...base, headers: { authorization: `Bearer ${id}.${wrong}` } },
      401,
      'UNAUTHENTICATED',
    );
    await expectError(
      { ...base, headers: { authorization: `Bearer c_nobody.${credential}` } },
      401,
      'UNAUTHENTICATED',
    );
    await expectError({ method: 'POST', url: '/v1/sessions' }, 401, 'UNAUTHENTICATED');
  });

  it('400 VALIDATION_FAILED for wrong types, kinds, values and extra fields', async () => {
    const cases: unknown[] = [
      {},
      { identity: 'x' },
      { identity: { kind: 'imei', value: 490154203237518 } },
      { identity: { kind: 'phone', value: 'x' } },
      { identity: { kind: 'imei', value: '490154203237519' } },
      { identity: { kind: 'imei', value: '4901542032375' } },
      { identity: { kind: 'serial', value: 'x'.repeat(65) } },
      { identity: { kind: 'serial', value: 'has space' } },
      { identity: imeiIdentity, [TEST_IMEI]: true },
      [],
    ];
    for (const payload of cases) {
      const result = await post(app, '/v1/bindings', client, payload);
      assert.equal(result.status, 400, JSON.stringify(payload));
      assert.equal(result.code, 'VALIDATION_FAILED');
      assert.ok(!JSON.stringify(result.body).includes(TEST_IMEI));
    }
    const check = await post(app, '/v1/bindings', client, {
      identity: { kind: 'imei', value: '490154203237519' },
    });
    assert.match(String((check.body.error as { message: string }).message), /check digit/);
  });

  /** POST /v1/bindings as the client, with this body and content type. */
  const rawBinding = (payload: string, contentType = 'application/json'): InjectOptions => ({
    method: 'POST',
    url: '/v1/bindings',
    headers: { ...client.headers, 'content-type': contentType },
    payload,
  });

  it('400 MALFORMED_JSON for broken or empty JSON, without quoting it', async () => {
    const broken = `{"identity": {"kind": "imei", "value": ${TEST_IMEI}`;
    await expectError(rawBinding(broken), 400, 'MALFORMED_JSON');
    await expectError(rawBinding(''), 400, 'MALFORMED_JSON');
  });

  it('413 PAYLOAD_TOO_LARGE above 16 KB and 415 for a body that is not JSON', async () => {
    const big = JSON.stringify({ identity: imeiIdentity, pad: 'x'.repeat(17 * 1024) });
    await expectError(rawBinding(big), 413, 'PAYLOAD_TOO_LARGE');
    await expectError(rawBinding(TEST_IMEI, 'text/plain'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('404 NOT_FOUND for unknown routes and methods', async () => {
    await expectError({ method: 'GET', url: `/v1/bindings/${TEST_IMEI}` }, 404, 'NOT_FOUND');
    await expectError({ method: 'DELETE', url: '/v1/clients' }, 404, 'NOT_FOUND');
  });

  it('every code has a status in the catalogue', () => {
    for (const code of Object.values(ServerErrorCode)) {
      assert.ok(errorCatalogue[code].status >= 400, code);
    }
  });
});

describe('rate limits', () => {
  const dir = tempDir('tandem-ratelimit-');
  let app: FastifyInstance;
  before(() => {
    app = testApp(dir.path, { rateLimit: { max: 3, timeWindowMs: 60_000 } });
  });
  after(async () => {
    await app.close();
    dir.remove();
  });

  it('answers 429 RATE_LIMITED past the limit, per IP for anonymous calls', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = await app.inject({ method: 'POST', url: '/v1/clients' });
      statuses.push(last.statusCode);
    }
    assert.deepEqual(statuses, [201, 201, 201, 429]);
    assert.equal(last!.json().error.code, 'RATE_LIMITED');
    assert.ok(last!.headers['retry-after']);
    assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200, 'health is not limited');
  });
});
