// The settings routes: what the desktop UI's language switch and inbox folder setting call.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openSettingsStore } from '../settings/settings-store.js';
import type { AgentControl } from './control-api.js';
import { startControlServer } from './control-server.js';

test('settings are read, changed, checked and kept in settings.json', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-settings-route-'));
  const control = { settings: openSettingsStore(dataDir) } as AgentControl;
  const server = await startControlServer(control, 'settings-token');
  const call = (method: string, body?: unknown) =>
    fetch(`${server.url}/api/settings`, {
      method,
      headers: {
        authorization: 'Bearer settings-token',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  try {
    assert.deepEqual(await (await call('GET')).json(), {});
    const changed = await call('POST', { language: 'zh-CN' });
    assert.equal(changed.status, 200);
    assert.deepEqual(await changed.json(), { language: 'zh-CN' });
    assert.deepEqual(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')), {
      language: 'zh-CN',
    });
    const wrong = await call('POST', { language: 'fr' });
    assert.equal(wrong.status, 400);
    assert.equal(
      ((await wrong.json()) as { error: { code: string } }).error.code,
      'CONTROL_BAD_REQUEST',
    );
    const relative = await call('POST', { inboxDir: 'not/absolute' });
    assert.equal(relative.status, 400);
    assert.deepEqual(await (await call('GET')).json(), { language: 'zh-CN' });
  } finally {
    await server.close();
  }
});
