// Where a Chromium-family browser lives on each OS. The Chromium host drives the person's own
// browser binary: nothing is downloaded.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserError, BrowserErrorCode } from './browser-error.js';

export function chromiumCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const fromEnv = env.TANDEM_CHROMIUM ? [env.TANDEM_CHROMIUM] : [];
  if (platform === 'darwin') {
    return [
      ...fromEnv,
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => typeof root === 'string' && root.length > 0,
    );
    return [
      ...fromEnv,
      ...roots.flatMap((root) => [
        join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
        join(root, 'Chromium', 'Application', 'chrome.exe'),
      ]),
    ];
  }
  return [
    ...fromEnv,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ];
}

export function findChromium(
  exists: (path: string) => boolean = existsSync,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const candidates = chromiumCandidates(platform, env);
  const found = candidates.find((path) => exists(path));
  if (!found) {
    throw new BrowserError(
      BrowserErrorCode.BrowserNotFound,
      `no Chromium, Chrome or Edge found (looked at ${candidates.join(', ')}); set TANDEM_CHROMIUM`,
    );
  }
  return found;
}
