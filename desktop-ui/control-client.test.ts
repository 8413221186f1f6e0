// The desktop UI's control client: it calls each route of the contract with its method, path and
// token, shows a refusal as "message [CODE]", and refuses an answer of the wrong shape.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ControlCallError, createControlClient } from './control-client.js';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function answerWith(status: number, body: unknown, asked: [string, RequestInit][] = []) {
  globalThis.fetch = (async (path: string, init: RequestInit) => {
    asked.push([path, init]);
    return new Response(JSON.stringify(body), { status });
  }) as typeof fetch;
  return asked;
}

test('a call sends the route, the token and the body, and returns the checked answer', async () => {
  const tabs = [{ id: 't1', url: 'https://a.example/', title: 'A', favicon: '', active: true }];
  const asked = answerWith(200, { tabs });
  const answer = await createControlClient('tok').call('browser', { action: 'show', tabId: 't1' });
  assert.deepEqual(answer, { tabs });
  const [path, init] = asked[0] ?? [];
  assert.equal(path, '/api/browser');
  assert.equal(init?.method, 'POST');
  assert.deepEqual(init?.headers, {
    authorization: 'Bearer tok',
    'content-type': 'application/json',
  });
  assert.equal(init?.body, JSON.stringify({ action: 'show', tabId: 't1' }));
});

test('a refusal is an error with its message and code', async () => {
  answerWith(503, { error: { code: 'CONTROL_NOT_AVAILABLE', message: 'no browser session' } });
  await assert.rejects(
    createControlClient('tok').call('tabs'),
    (error) =>
      error instanceof ControlCallError &&
      error.code === 'CONTROL_NOT_AVAILABLE' &&
      error.message === 'no browser session [CONTROL_NOT_AVAILABLE]',
  );
});

test('an answer that is not what the contract says is refused', async () => {
  answerWith(200, { paused: 'no' });
  await assert.rejects(createControlClient('tok').call('status'));
});
