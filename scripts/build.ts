// `npm run build`: everything Tandem runs, compiled once into dist/, so nothing compiles at run time.
//   dist/tandem.js           the CLI, agent and server (node20, ESM, bundled)
//   dist/electron-main.js    the Electron main process; dist/electron/tab-preload.cjs its tabs' preload
//   dist/bundles/<name>.js   the browser scripts (bundles/browser-bundle-specs.ts)
//   dist/desktop-ui/{index.html,style.css}, dist/phone-page/phone-page.html   the static files
//                            the servers read, dist/build/icons/tray/* the tray's images
//                            (bundles/app-assets.ts)
//   dist/build-stamp.json    what the sources looked like (bin/source-stamp.js)
// Native modules and the big production dependencies stay external (node_modules at run time).
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceStamp, STAMP_FILE } from '../bin/source-stamp.js';
import {
  DESKTOP_UI_DIR,
  DESKTOP_UI_FILES,
  PHONE_PAGE_HTML,
  TRAY_ICON_DIR,
  TRAY_ICON_FILES,
} from '../bundles/app-assets.js';
import { browserBundleNames, builtBundlePath } from '../bundles/browser-bundle-specs.js';
import { compileBrowserBundle } from '../bundles/compile-browser-bundle.js';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Loaded from node_modules at run time: native addons, Electron, and packages that load files. */
export const EXTERNAL = [
  'better-sqlite3',
  'usb',
  'bufferutil',
  'utf-8-validate',
  'electron',
  'electron-updater',
  'playwright-core',
  '@devicefarmer/adbkit',
];

// Bundled CommonJS dependencies call require(); an ESM bundle gets one made for its own file.
const ESM_REQUIRE_BANNER =
  "import { createRequire as __tandemCreateRequire } from 'node:module';\n" +
  'const require = __tandemCreateRequire(import.meta.url);';

// The source-only branch of bundles/browser-bundle.ts imports the bundler: in the build that module
// is a stub, and TANDEM_BUILT makes the branch dead code, so esbuild never reaches dist/.
const sourceOnly: Plugin = {
  name: 'tandem-source-only',
  setup(builder) {
    builder.onResolve({ filter: /\/compile-browser-bundle\.js$/ }, (args) => ({
      path: args.path,
      namespace: 'tandem-source-only',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'tandem-source-only' }, () => ({
      contents: "export function compileBrowserBundle() { throw new Error('source only'); }",
      loader: 'js',
    }));
  },
};

const node: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  define: { TANDEM_BUILT: 'true' },
  minifySyntax: true,
  plugins: [sourceOnly],
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

/**
 * Builds dist/ into outDir (default <repo>/dist). `keepOldChunks`: write over the old build instead
 * of emptying the folder first (bin/ensure-build.js: a running agent may still load an old chunk).
 */
export async function buildDist(
  outDir = join(root, 'dist'),
  { keepOldChunks = false } = {},
): Promise<void> {
  const stamp = sourceStamp(root); // before building: a change made meanwhile rebuilds next time
  const out = resolve(outDir);
  if (!keepOldChunks) rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const esm: BuildOptions = {
    ...node,
    format: 'esm',
    banner: { js: ESM_REQUIRE_BANNER },
  };
  const cjs: BuildOptions = { ...node, format: 'cjs', sourcemap: true };
  await Promise.all([
    // One build for both node entries: code they share, and every module a command imports on
    // demand, are chunks beside them, so `tandem --help` loads only what it needs.
    build({
      ...esm,
      entryPoints: { tandem: 'agent/cli/run.ts', 'electron-main': 'electron/app-main.ts' },
      outdir: out,
      splitting: true,
      // Every output at dist/'s root: bundles/app-file.ts finds the app's files next to the module.
      chunkNames: '[name]-[hash]',
    }),
    // A sandboxed preload cannot load modules of its own: one CommonJS file.
    build({
      ...cjs,
      entryPoints: ['electron/browser/tab-preload.ts'],
      outfile: join(out, 'electron/tab-preload.cjs'),
    }),
    ...browserBundleNames.map(async (name) => {
      const path = join(out, builtBundlePath(name));
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, await compileBrowserBundle(name));
    }),
  ]);
  // The desktop UI's page and style sheet; its script is the desktop-ui bundle.
  for (const file of DESKTOP_UI_FILES) {
    cpSync(join(root, DESKTOP_UI_DIR, file), join(out, DESKTOP_UI_DIR, file));
  }
  cpSync(join(root, PHONE_PAGE_HTML), join(out, PHONE_PAGE_HTML));
  // The tray's images, which the Electron main process loads by path.
  for (const file of TRAY_ICON_FILES) {
    cpSync(join(root, TRAY_ICON_DIR, file), join(out, TRAY_ICON_DIR, file));
  }
  // dist/ stands alone: its .js files are ES modules wherever it is copied.
  writeFileSync(join(out, 'package.json'), `${JSON.stringify({ type: 'module' })}\n`);
  writeFileSync(join(out, STAMP_FILE), `${JSON.stringify(stamp)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const args = process.argv.slice(2);
  const outDir = args.find((arg) => !arg.startsWith('--'));
  await buildDist(outDir, { keepOldChunks: args.includes('--keep-old-chunks') });
  console.error(`tandem: built dist/ in ${Math.round(performance.now() - started)} ms`);
}
