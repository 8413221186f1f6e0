// The scripts Tandem serves to browsers, each one esbuild bundle of an entry file. The build
// (scripts/build.ts) writes them to dist/bundles/<name>.js; from the sources they are bundled at
// first use with exactly these options (compile-browser-bundle.ts).

export type BrowserBundleName =
  'page-agent' | 'replayer' | 'phone-page' | 'sealing' | 'desktop-ui' | 'takeover-page';

export interface BrowserBundleSpec {
  /** Entry file, relative to the repository root. */
  entry: string;
  format: 'iife' | 'esm';
  target: string;
  globalName?: string;
}

/** The replayer's global on the phone page (and in the test kits). */
export const REPLAYER_GLOBAL = 'TandemMirror';
/** The pure-JS sealing's global on a phone page without `crypto.subtle`. */
export const SEALING_GLOBAL = 'TandemSealing';

export const BROWSER_BUNDLES: Readonly<Record<BrowserBundleName, BrowserBundleSpec>> = {
  // rrweb's recorder and the page operations, injected in every PC page.
  'page-agent': { entry: 'mirror/recorder/page-agent.ts', format: 'iife', target: 'chrome100' },
  // rrweb's replayer for the phone page, loaded once the PC streams.
  replayer: {
    entry: 'mirror/replayer/phone-bundle-entry.ts',
    format: 'iife',
    target: 'chrome100',
    globalName: REPLAYER_GLOBAL,
  },
  // The phone page's own script (/m/phone.js).
  'phone-page': { entry: 'phone-page/main.ts', format: 'esm', target: 'es2020' },
  // AES-GCM and SHA-256 in pure JS (/m/sealing.js), loaded by the phone page only where it has no
  // `crypto.subtle` (not a secure context: the Wi-Fi mode's http://192.168.x.y:PORT).
  sealing: {
    entry: 'relay-client/aead-noble.ts',
    format: 'iife',
    target: 'es2020',
    globalName: SEALING_GLOBAL,
  },
  // The desktop UI's script (/ui/app.js on the agent's control API).
  'desktop-ui': { entry: 'desktop-ui/main.ts', format: 'esm', target: 'es2020' },
  // The takeover confirmation page's own small script (/m/takeover.js), apart from the phone page's.
  'takeover-page': { entry: 'phone-page/takeover-page.ts', format: 'esm', target: 'es2020' },
};

export const browserBundleNames = Object.keys(BROWSER_BUNDLES) as BrowserBundleName[];

/** Where the build puts a bundle, relative to dist/ (and read by appFile in the build). */
export function builtBundlePath(name: BrowserBundleName): string {
  return `bundles/${name}.js`;
}
