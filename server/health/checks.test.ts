import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HealthChecks } from './checks.js';

describe('HealthChecks', () => {
  it('reports every check by name, and which failed, with the error code or message', async () => {
    const checks = new HealthChecks()
      .add('store', () => {})
      .add('cluster', async () => {
        throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      })
      .add('other', () => {
        throw new Error('broken');
      });
    const report = await checks.run();
    assert.equal(report.status, 'failing');
    assert.deepEqual(report.failed, ['cluster', 'other']);
    assert.equal(report.checks.store?.status, 'ok');
    assert.equal(report.checks.cluster?.error, 'ECONNREFUSED');
    assert.equal(report.checks.other?.error, 'broken');
  });

  it('is ok with no failing check', async () => {
    const report = await new HealthChecks().add('store', async () => {}).run();
    assert.deepEqual(report.failed, []);
    assert.equal(report.status, 'ok');
  });

  it('bounds a check that never answers by its timeout', async () => {
    const checks = new HealthChecks(5_000).add('stuck', () => new Promise(() => {}), {
      timeoutMs: 50,
    });
    const started = performance.now();
    const report = await checks.run();
    assert.ok(performance.now() - started < 2_000, 'the timeout ended it');
    assert.equal(report.checks.stuck?.status, 'failing');
    assert.match(report.checks.stuck?.error ?? '', /timed out after 50 ms/);
  });

  it('refuses a name registered twice', () => {
    const checks = new HealthChecks().add('store', () => {});
    assert.throws(() => checks.add('store', () => {}), RangeError);
  });
});
