// POST /api/send on a real control server: the body is checked before the agent sees it, text as
// long as one relay message fits through the route's larger body limit, and the token is required.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAX_TEXT_CHARS } from '../../protocol/relay-messages.js';
import type { SendRequest } from '../session/send-request.js';
import type { AgentControl } from './control-api.js';
import { startControlServer, type ControlServer } from './control-server.js';

describe('POST /api/send', () => {
  const asked: SendRequest[] = [];
  let withSend: ControlServer;
  let withoutSend: ControlServer;

  before(async () => {
    const control = {
      send: async (request: SendRequest) => {
        asked.push(request);
        return { kind: request.kind, phones: [{ serial: 'A', masked: null }], size: 1 };
      },
    } as unknown as AgentControl;
    withSend = await startControlServer(control, 'send-token');
    withoutSend = await startControlServer({} as AgentControl, 'send-token');
  });
  after(async () => {
    await withSend.close();
    await withoutSend.close();
  });

  const post = (server: ControlServer, body: unknown, token = 'send-token') =>
    fetch(`${server.url}/api/send`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const codeOf = async (response: Response) =>
    ((await response.json()) as { error?: { code: string } }).error?.code;

  it('hands a checked request to the agent, long text included', async () => {
    const text = 'é'.repeat(MAX_TEXT_CHARS);
    const response = await post(withSend, { kind: 'text', text, to: 'A' });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { sent: { kind: string } }).sent.kind, 'text');
    assert.deepEqual(asked.at(-1), { kind: 'text', text, to: 'A' });
  });

  it('refuses a bad body, a missing token, and an agent that cannot send', async () => {
    const before = asked.length;
    const bad = await post(withSend, { kind: 'image', url: 'file:///etc/passwd' });
    assert.equal(bad.status, 400);
    assert.equal(await codeOf(bad), 'CONTROL_BAD_REQUEST');
    const long = await post(withSend, { kind: 'text', text: 'a'.repeat(MAX_TEXT_CHARS + 1) });
    assert.equal(await codeOf(long), 'TEXT_TOO_LONG');
    assert.equal((await post(withSend, { kind: 'selection' }, 'wrong')).status, 401);
    assert.equal(asked.length, before, 'none of these reached the agent');
    const unavailable = await post(withoutSend, { kind: 'selection' });
    assert.equal(unavailable.status, 503);
    assert.equal(await codeOf(unavailable), 'CONTROL_NOT_AVAILABLE');
  });
});
