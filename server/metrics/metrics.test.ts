import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { registerClient, tempDir, testApp } from '../../testing/server-app.js';
import { timedStore } from './timed-store.js';

/** The value of one sample line, e.g. `tandem_relay_sessions 1`. */
function sample(text: string, name: string): number | undefined {
  const escaped = name.replace(/[{}"=.]/g, (c) => `\\${c}`);
  const line = new RegExp(`^${escaped} (\\S+)$`, 'm').exec(text);
  return line ? Number(line[1]) : undefined;
}

describe('GET /metrics', () => {
  const dir = tempDir('tandem-metrics-');
  after(() => dir.remove());

  it('is not served unless metrics are on', async () => {
    const app = testApp(dir.path);
    try {
      assert.equal((await app.inject({ url: '/metrics' })).statusCode, 404);
      assert.equal(app.metrics, undefined);
    } finally {
      await app.close();
    }
  });

  it('serves relay sessions, refusals by code, store latency and process defaults', async () => {
    const app = testApp(dir.path, { metrics: true });
    try {
      const client = await registerClient(app);
      await app.inject({
        method: 'POST',
        url: '/v1/sessions',
        headers: client.headers,
        payload: {},
      });
      await app.inject({ url: '/v1/clients/me' }); // 401 UNAUTHENTICATED
      await app.inject({ url: '/no-such-route' }); // 404 NOT_FOUND
      const response = await app.inject({ url: '/metrics' });
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['content-type']), /^text\/plain; version=0\.0\.4/);
      const text = response.body;
      assert.equal(sample(text, 'tandem_relay_sessions'), 1);
      assert.equal(sample(text, 'tandem_relay_terminals{role="pc"}'), 0);
      assert.equal(sample(text, 'tandem_relay_terminals{role="phone"}'), 0);
      assert.equal(sample(text, 'tandem_relay_messages_total'), 0);
      assert.ok((sample(text, 'tandem_relay_budget_bytes') ?? 0) > 0);
      assert.equal(sample(text, 'tandem_relay_held_bytes'), 0);
      assert.equal(sample(text, 'tandem_refusals_total{kind="http",code="UNAUTHENTICATED"}'), 1);
      assert.equal(sample(text, 'tandem_refusals_total{kind="http",code="NOT_FOUND"}'), 1);
      assert.equal(
        sample(text, 'tandem_store_seconds_count{repo="clients",method="tryCreate"}'),
        1,
        'store calls are timed by repository and method',
      );
      assert.match(text, /^process_cpu_user_seconds_total /m, 'process defaults');
      assert.match(text, /^nodejs_heap_size_used_bytes /m);
    } finally {
      await app.close();
    }
  });
});

describe('timedStore', () => {
  it('times sync and async repository calls, errors included, and keeps what they return', async () => {
    const seen: string[] = [];
    const store = {
      bindings: {
        lookup: (id: string) => `found ${id}`,
        bind: async () => 'bound',
        fail: () => {
          throw new Error('nope');
        },
      },
      close: () => 'closed',
    };
    const timed = timedStore(store, (repo, method, seconds) => {
      assert.ok(seconds >= 0);
      seen.push(`${repo}.${method}`);
    });
    assert.equal(timed.bindings.lookup('a'), 'found a');
    assert.equal(await timed.bindings.bind(), 'bound');
    assert.throws(() => timed.bindings.fail(), /nope/);
    assert.equal(timed.close(), 'closed');
    assert.deepEqual(seen, ['bindings.lookup', 'bindings.bind', 'bindings.fail']);
  });
});
