// docs/errors.md is generated from the error catalogues: it must be what `npm run docs:errors`
// writes today, so the page a person reads never drifts from the codes the code base raises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ERRORS_DOC, renderErrorDoc } from './error-docs-render.js';

test('docs/errors.md is the one the error catalogues generate', async () => {
  const generated = await renderErrorDoc();
  const written = readFileSync(ERRORS_DOC, 'utf8');
  assert.ok(written === generated, 'docs/errors.md is stale: run npm run docs:errors');
});

test('every catalogued code has its row, in backticks, in the generated page', async () => {
  const generated = await renderErrorDoc();
  const { registeredCodes } = await import('../protocol/errors/index.js');
  const missing = [...registeredCodes()].filter((code) => !generated.includes(`| \`${code}\``));
  assert.deepEqual(missing, []);
});
