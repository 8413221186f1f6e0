// Tandem's data (history, keys, agent.json: agent/runtime/app-data-dir.ts) lives in its own folder;
// Electron's userData (Chromium's caches, the sessions' cookies and storage) goes elsewhere. By
// default both would be <appData>/Tandem on macOS and Windows (one folder, case-insensitively).
import { isAbsolute, join, relative, resolve } from 'node:path';

export const ELECTRON_USER_DATA_NAME = 'Tandem Shell';

/** Electron's userData folder under the OS's appData, never inside Tandem's data nor around it. */
export function electronUserData(appData: string, tandemDataDir: string): string {
  const chosen = join(appData, ELECTRON_USER_DATA_NAME);
  return foldersApart(chosen, tandemDataDir)
    ? chosen
    : join(tandemDataDir, '..', 'Tandem Shell data');
}

/** True when neither folder is the other or inside it (case-insensitively: macOS, Windows). */
export function foldersApart(a: string, b: string): boolean {
  const [x, y] = [resolve(a).toLowerCase(), resolve(b).toLowerCase()];
  const inside = (child: string, parent: string) => {
    const rel = relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };
  return !inside(x, y) && !inside(y, x);
}
