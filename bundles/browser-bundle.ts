// The one way to get a browser script Tandem serves or injects: read from dist/bundles when running
// the build, bundled from the sources at first use otherwise. Kept per process; a failure is not
// kept (the next call tries again).
import { readFile } from 'node:fs/promises';
import { appFile } from './app-file.js';
import { builtBundlePath, type BrowserBundleName } from './browser-bundle-specs.js';

declare const TANDEM_BUILT: boolean | undefined;

const bundles = new Map<BrowserBundleName, Promise<string>>();

export function browserBundle(name: BrowserBundleName): Promise<string> {
  let bundle = bundles.get(name);
  if (!bundle) {
    bundle = load(name);
    bundles.set(name, bundle);
    bundle.catch(() => bundles.delete(name));
  }
  return bundle;
}

async function load(name: BrowserBundleName): Promise<string> {
  // The literal test lets the build drop the source branch (and with it esbuild) from dist/.
  if (typeof TANDEM_BUILT === 'boolean' && TANDEM_BUILT) {
    return readFile(appFile(builtBundlePath(name)), 'utf8');
  }
  const { compileBrowserBundle } = await import('./compile-browser-bundle.js');
  return compileBrowserBundle(name);
}
