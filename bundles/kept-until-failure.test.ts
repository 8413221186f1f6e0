import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keptUntilFailure } from './kept-until-failure.js';

test('concurrent and later callers share one load per key', async () => {
  let loads = 0;
  const get = keptUntilFailure(async (key: string) => `${key}#${++loads}`);
  const [a, b] = [get('a'), get('a')];
  assert.equal(a, b, 'concurrent callers share the one promise');
  assert.equal(await a, 'a#1');
  assert.equal(await get('a'), 'a#1', 'a later caller gets the kept result');
  assert.equal(await get('b'), 'b#2', 'another key loads on its own');
  assert.equal(loads, 2);
});

test('a failed load is not kept: callers during it share the failure, the next call retries', async () => {
  let loads = 0;
  const get = keptUntilFailure(async (key: string) => {
    loads += 1;
    if (loads === 1) throw new Error('esbuild failed');
    return key;
  });
  const [first, second] = [get('x'), get('x')];
  assert.equal(first, second);
  await assert.rejects(first, /esbuild failed/);
  await assert.rejects(second, /esbuild failed/);
  assert.equal(await get('x'), 'x', 'the next call builds again');
  assert.equal(await get('x'), 'x');
  assert.equal(loads, 2);
});
