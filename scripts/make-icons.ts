// `npm run icons`: draws every icon from build/icon.svg (scripts/icon-set.ts) and writes them with
// a manifest. The generated files are committed; scripts/icons.test.ts checks they are current.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ICON_MANIFEST, ICON_SVG, iconSet, manifestOf } from './icon-set.js';

const root = fileURLToPath(new URL('../', import.meta.url));

const svg = readFileSync(join(root, ICON_SVG), 'utf8');
const files = iconSet(svg);
for (const [path, data] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), data);
}
writeFileSync(join(root, ICON_MANIFEST), `${JSON.stringify(manifestOf(svg, files), null, 2)}\n`);
console.error(`tandem: wrote ${files.size} icons from ${ICON_SVG}`);
