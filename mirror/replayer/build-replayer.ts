// The replayer as one script for the phone page (global `TandemMirror`), built from the sources
// at first use and kept for the process. The agent serves it; nothing built is committed.
import { fileURLToPath } from 'node:url';
import { bundleEntry } from '../recorder/build-page-agent.js';

export const REPLAYER_GLOBAL = 'TandemMirror';
let bundle: Promise<string> | undefined;

export function replayerBundle(): Promise<string> {
  bundle ??= bundleEntry(
    fileURLToPath(new URL('./phone-bundle-entry.ts', import.meta.url)),
    REPLAYER_GLOBAL,
  );
  return bundle;
}
