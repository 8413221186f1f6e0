// The control API's guard over real HTTP: loopback only, its own Host names, same-origin browsers,
// and the token — a DNS-rebinding page or another site's script gets a coded refusal.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AgentControl } from './control-api.js';
import { startControlServer, type ControlServer } from './control-server.js';

const token = 'guard-test-token';

interface Answer {
  status: number;
  code: string | undefined;
}

/** node:http, because fetch may not set Host: the rebinding attack's own header. */
function get(server: ControlServer, headers: Record<string, string>): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: '/api/status', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        const json = JSON.parse(body) as { error?: { code?: string } };
        resolve({ status: res.statusCode ?? 0, code: json.error?.code });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('control API guard', () => {
  let server: ControlServer;
  let own: string;
  const status = { paused: false, serverUrl: 'http://127.0.0.1:1', devices: [] };

  before(async () => {
    const control = { status: () => status } as unknown as AgentControl;
    server = await startControlServer(control, token);
    own = new URL(server.url).host;
  });
  after(() => server.close());

  it('listens on 127.0.0.1 only', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers its own host with the token', async () => {
    const ok = await get(server, { host: own, authorization: `Bearer ${token}` });
    assert.deepEqual(ok, { status: 200, code: undefined });
    const byName = await get(server, {
      host: own.replace('127.0.0.1', 'localhost'),
      authorization: `Bearer ${token}`,
      origin: `http://${own}`,
    });
    assert.equal(byName.status, 200);
  });

  it('refuses another Host (DNS rebinding), even with the token', async () => {
    const answer = await get(server, {
      host: `rebind.example:${new URL(server.url).port}`,
      authorization: `Bearer ${token}`,
    });
    assert.deepEqual(answer, { status: 403, code: 'CONTROL_BAD_HOST' });
  });

  it('refuses a browser request from another origin, even with the token', async () => {
    const answer = await get(server, {
      host: own,
      origin: 'http://evil.example',
      authorization: `Bearer ${token}`,
    });
    assert.deepEqual(answer, { status: 403, code: 'CONTROL_BAD_ORIGIN' });
  });

  it('refuses a missing or wrong token', async () => {
    assert.deepEqual(await get(server, { host: own }), {
      status: 401,
      code: 'CONTROL_UNAUTHORIZED',
    });
    assert.deepEqual(await get(server, { host: own, authorization: 'Bearer guard-test-tokeX' }), {
      status: 401,
      code: 'CONTROL_UNAUTHORIZED',
    });
  });
});
