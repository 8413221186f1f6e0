import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { registerClient, tempDir, testApp } from '../testing/server-app.js';

describe('GET /openapi.json', () => {
  const dir = tempDir('tandem-openapi-');
  const app = testApp(dir.path, { exposeStats: true, metrics: true });
  const routes: string[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push(`${method.toLowerCase()} ${route.url}`);
    }
  });
  after(async () => {
    await app.close();
    dir.remove();
  });

  it('is OpenAPI 3.1 and documents every route the server has', async () => {
    const response = await app.inject({ url: '/openapi.json' });
    assert.equal(response.statusCode, 200);
    const doc = response.json<{ openapi: string; paths: Record<string, Record<string, object>> }>();
    assert.equal(doc.openapi, '3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method} ${path}`),
    );
    assert.ok(routes.length >= 9);
    assert.deepEqual([...routes].sort(), [...documented].sort());
    const bind = doc.paths['/v1/bindings']!.post as { responses: Record<string, object> };
    assert.ok(bind.responses['409'], 'the conflict is documented');
  });

  it('serves request counts at /v1/stats when exposeStats is on', async () => {
    const client = await registerClient(app);
    const response = await app.inject({ url: '/v1/stats', headers: client.headers });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json()['POST /v1/clients'], 1);
    assert.equal((await app.inject({ url: '/v1/stats' })).statusCode, 401);
  });
});
