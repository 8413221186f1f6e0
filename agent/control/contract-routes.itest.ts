// The control server serves every route of the contract (protocol/control-api.ts), with its method.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { controlRoutes } from '../../protocol/control-api.js';
import type { AgentControl } from './control-api.js';
import { startControlServer } from './control-server.js';

test('every route of the contract is served', async () => {
  const server = await startControlServer({} as AgentControl, 'routes-token');
  try {
    for (const [name, { method, path }] of Object.entries(controlRoutes)) {
      assert.ok(server.app.hasRoute({ method, url: path }), `${name}: ${method} ${path}`);
    }
  } finally {
    await server.close();
  }
});
