// Bundles the Electron preload scripts to single CommonJS files in dist/electron: a sandboxed
// preload cannot load modules of its own. The main process runs from source through tsx.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  external: ['electron'],
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: ['electron/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
});
await build({
  ...common,
  entryPoints: ['electron/browser/tab-preload.ts'],
  outfile: 'dist/electron/tab-preload.cjs',
});
console.log('electron bundles written to dist/electron');
