// Bundles one browser script from the sources with esbuild. Used by the build (scripts/build.ts)
// and, when running from the sources, at first use. Never reached from dist/: browser-bundle.ts
// imports it only on its source-only branch, which the build removes.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { BROWSER_BUNDLES, type BrowserBundleName } from './browser-bundle-specs.js';

const repoRoot = new URL('../', import.meta.url);

/** One minified browser bundle of a named entry. */
export async function compileBrowserBundle(name: BrowserBundleName): Promise<string> {
  const spec = BROWSER_BUNDLES[name];
  const result = await build({
    entryPoints: [fileURLToPath(new URL(spec.entry, repoRoot))],
    bundle: true,
    write: false,
    format: spec.format,
    platform: 'browser',
    target: spec.target,
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
    ...(spec.globalName ? { globalName: spec.globalName } : {}),
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced nothing for ${spec.entry}`);
  return output.text;
}
