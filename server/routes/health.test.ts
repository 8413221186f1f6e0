import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tempDir, testApp } from '../../testing/server-app.js';

describe('GET /healthz and /readyz', () => {
  const dir = tempDir('tandem-health-');
  after(() => dir.remove());

  it('answer 200 with the store check when all is well', async () => {
    const app = testApp(dir.path);
    try {
      const health = await app.inject({ url: '/healthz' });
      assert.equal(health.statusCode, 200);
      const body = health.json<{ status: string; checks: Record<string, { status: string }> }>();
      assert.equal(body.status, 'ok', 'the field existing callers read');
      assert.equal(body.checks.store?.status, 'ok');
      const ready = await app.inject({ url: '/readyz' });
      assert.equal(ready.statusCode, 200);
      assert.deepEqual(Object.keys(ready.json<{ checks: object }>().checks), ['store']);
      assert.equal(ready.json<{ draining: boolean }>().draining, false);
    } finally {
      await app.close();
    }
  });

  it('answer 503 naming the failed check; /readyz too', async () => {
    const app = testApp(dir.path);
    try {
      app.health.add('cluster', () => {
        throw Object.assign(new Error('down'), { code: 'ECONNREFUSED' });
      });
      const health = await app.inject({ url: '/healthz' });
      assert.equal(health.statusCode, 503);
      const body = health.json<{ error: { code: string }; failed: string[]; status: string }>();
      assert.equal(body.error.code, 'DEPENDENCY_FAILING');
      assert.equal(body.status, 'failing');
      assert.deepEqual(body.failed, ['cluster']);
      const ready = await app.inject({ url: '/readyz' });
      assert.equal(ready.statusCode, 503);
      assert.equal(ready.json<{ error: { code: string } }>().error.code, 'NOT_READY');
    } finally {
      await app.close();
    }
  });

  it('the store check is a real query: a closed store fails it', async () => {
    const app = testApp(dir.path);
    try {
      app.pairingStore.close();
      const health = await app.inject({ url: '/healthz' });
      assert.equal(health.statusCode, 503);
      assert.deepEqual(health.json<{ failed: string[] }>().failed, ['store']);
    } finally {
      await app.close();
    }
  });

  it('/readyz is 503 from the start of a drain while /healthz stays 200', async () => {
    const app = testApp(dir.path);
    try {
      app.drainState.start();
      const ready = await app.inject({ url: '/readyz' });
      assert.equal(ready.statusCode, 503);
      const body = ready.json<{ error: { code: string; message: string }; draining: boolean }>();
      assert.equal(body.error.code, 'NOT_READY');
      assert.equal(body.draining, true);
      assert.match(body.error.message, /draining/);
      assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200, 'alive while draining');
      const other = await app.inject({ url: '/openapi.json' });
      assert.equal(
        other.headers.connection,
        'close',
        'a draining server closes kept-alive connections',
      );
    } finally {
      await app.close();
    }
  });
});
