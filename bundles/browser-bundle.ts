// The one way to get a browser script Tandem serves or injects: read from dist/bundles when running
// the build, bundled from the sources at first use otherwise. Kept per process; a failure is not
// kept (the next call tries again): bundles/kept-until-failure.ts.
import { readFile } from 'node:fs/promises';
import { appFile } from './app-file.js';
import { builtBundlePath, type BrowserBundleName } from './browser-bundle-specs.js';
import { keptUntilFailure } from './kept-until-failure.js';

declare const TANDEM_BUILT: boolean | undefined;

export const browserBundle: (name: BrowserBundleName) => Promise<string> = keptUntilFailure(load);

async function load(name: BrowserBundleName): Promise<string> {
  // The literal test lets the build drop the source branch (and with it esbuild) from dist/.
  if (typeof TANDEM_BUILT === 'boolean' && TANDEM_BUILT) {
    return readFile(appFile(builtBundlePath(name)), 'utf8');
  }
  const { compileBrowserBundle } = await import('./compile-browser-bundle.js');
  return compileBrowserBundle(name);
}
