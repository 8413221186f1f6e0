#!/usr/bin/env node
// `npm start`: Tandem as a person runs it. With the Electron binary present, the tray app; without
// it (ELECTRON_SKIP_BINARY_DOWNLOAD, CI, servers), the same agent in the terminal, its UI in a
// browser tab. Both run the build in dist/, made first when the sources changed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-build.js';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const extra = process.argv.slice(2);

function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit', cwd: root });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

const electron = process.env.TANDEM_HEADLESS === '1' ? undefined : electronBinary();
if (!ensureBuilt()) {
  process.exit(1);
} else if (electron) {
  // `electron .` runs package.json's main: the built dist/electron-main.js.
  run(electron, ['.', ...extra]);
} else {
  // The agent in this terminal; its PC browser is a window where there is a display (README).
  console.log('Electron is not installed here: running the Tandem agent in this terminal.');
  run(process.execPath, ['bin/tandem.js', 'agent', ...extra]);
}
