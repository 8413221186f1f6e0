// `tandem open` against a real control server on loopback, found through agent.json.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { writeAgentFile } from '../../control/agent-file.js';
import type { AgentControl } from '../../control/control-api.js';
import { startControlServer, type ControlServer } from '../../control/control-server.js';
import { main } from '../main.js';

describe('tandem open', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-open-'));
  const opened: string[] = [];
  let server: ControlServer;

  before(async () => {
    const control = {
      open: async (url: string) => {
        opened.push(url);
        return { tabId: 'tab-7', url };
      },
    } as unknown as AgentControl;
    server = await startControlServer(control, 'open-test-token');
    writeAgentFile(dataDir, {
      pid: process.pid,
      controlUrl: server.url,
      token: 'open-test-token',
      serverUrl: 'http://127.0.0.1:1',
      startedAt: new Date().toISOString(),
    });
  });
  after(async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('hands the URL to the running agent', async () => {
    const code = await main([
      'node',
      'tandem',
      'open',
      'http://127.0.0.1:9/page.html',
      '--data',
      dataDir,
    ]);
    assert.equal(code, 0);
    assert.deepEqual(opened, ['http://127.0.0.1:9/page.html']);
    assert.equal(await main(['node', 'tandem', 'open', 'example.com', '--data', dataDir]), 0);
    assert.equal(opened.at(-1), 'https://example.com/');
  });

  it('refuses a non-http URL before calling the agent, and a request without the token', async () => {
    assert.equal(
      await main(['node', 'tandem', 'open', 'file:///etc/passwd', '--data', dataDir]),
      2,
    );
    assert.equal(opened.includes('file:///etc/passwd'), false);
    const response = await fetch(`${server.url}/api/open`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'http://127.0.0.1:9/' }),
    });
    assert.equal(response.status, 401);
    const bad = await fetch(`${server.url}/api/open`, {
      method: 'POST',
      headers: { authorization: 'Bearer open-test-token', 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'javascript:alert(1)' }),
    });
    assert.equal(bad.status, 400);
    assert.equal(
      ((await bad.json()) as { error: { code: string } }).error.code,
      'CONTROL_BAD_REQUEST',
    );
  });

  it('says so when no agent runs for the data folder', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tandem-open-none-'));
    try {
      assert.equal(
        await main(['node', 'tandem', 'open', 'http://127.0.0.1:9/', '--data', empty]),
        1,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
