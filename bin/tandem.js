#!/usr/bin/env node
// The `tandem` command: runs the build, dist/tandem.js, rebuilding it first when the sources changed
// (bin/ensure-build.js), so `npx tandem` and `npm start` work from a fresh clone.
import { ensureBuilt } from './ensure-build.js';

if (ensureBuilt()) await import('../dist/tandem.js');
else process.exitCode = 1;
