import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveServerConfig } from './config.js';

describe('resolveServerConfig', () => {
  it('fills in documented defaults and freezes the result', () => {
    const config = resolveServerConfig({ dataDir: '/tmp/x' });
    assert.equal(config.bindingTtlMs, 90 * 86_400_000);
    assert.equal(config.bodyLimitBytes, 16_384);
    assert.deepEqual(config.rateLimit, { max: 1000, timeWindowMs: 60_000 });
    assert.equal(config.exposeStats, false);
    assert.ok(Object.isFrozen(config));
  });

  it('refuses bad values, naming the setting', () => {
    assert.throws(() => resolveServerConfig({ dataDir: '' }), /dataDir/);
    assert.throws(
      () => resolveServerConfig({ dataDir: '/x', bindingTtlDays: 0 }),
      /bindingTtlDays/,
    );
    assert.throws(
      () => resolveServerConfig({ dataDir: '/x', rateLimit: { max: -1, timeWindowMs: 1 } }),
      /rateLimit/,
    );
  });

  it('keeps the store in SQLite unless a postgres:// URL is given', () => {
    const sqlite = resolveServerConfig({ dataDir: '/x' });
    assert.equal(sqlite.databaseUrl, undefined);
    assert.equal(sqlite.databasePoolSize, 10);
    const postgres = resolveServerConfig({
      dataDir: '/x',
      databaseUrl: 'postgres://u@db:5432/tandem',
      databasePoolSize: 25,
    });
    assert.equal(postgres.databaseUrl, 'postgres://u@db:5432/tandem');
    assert.equal(postgres.databasePoolSize, 25);
    assert.throws(
      () => resolveServerConfig({ dataDir: '/x', databaseUrl: 'mysql://db' }),
      /databaseUrl/,
    );
    assert.throws(
      () => resolveServerConfig({ dataDir: '/x', databasePoolSize: 0 }),
      /databasePoolSize/,
    );
  });
});
