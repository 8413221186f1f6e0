// `npm run docs:errors`: writes docs/errors.md from the error catalogues (protocol/errors/index.ts).
import { writeFileSync } from 'node:fs';
import { ERRORS_DOC, renderErrorDoc } from './error-docs-render.js';

writeFileSync(ERRORS_DOC, await renderErrorDoc());
console.log(`wrote ${ERRORS_DOC}`);
