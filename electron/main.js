// Electron's entry: registers the TypeScript loader, as bin/tandem.js does, then starts the shell.
// The preload scripts are bundled to dist/electron by scripts/build-electron.js (sandboxed
// preloads must be single CommonJS files).
import { register } from 'tsx/esm/api';

register();
await import('./app-main.ts');
