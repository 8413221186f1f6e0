// Finds the adb executable: the one shipped with the app (the installer's platform-tools, passed in
// by the caller), then $ADB, then PATH, then the folders where SDKs and package managers put it.
import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { BridgeError, BridgeErrorCode } from '../errors.js';

export interface LocateAdbOptions {
  /**
   * A folder holding the adb that ships with the app (the installed app's resources/platform-tools),
   * preferred over every other. Skipped when it holds no adb (a build run from source).
   */
  bundledDir?: string;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  homeDir?: string;
  /** True when `path` is an executable file. Injected by tests. */
  isExecutable?: (path: string) => boolean;
}

export interface AdbLocation {
  path: string;
  /** Where it was found: the app's own, the ADB variable, PATH, or a well-known folder. */
  source: 'bundled' | 'env' | 'path' | 'known-folder';
}

/** Returns the adb to use, or throws BridgeError AdbNotFound with install advice for this OS. */
export function locateAdb(options: LocateAdbOptions = {}): AdbLocation {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const isExecutable = options.isExecutable ?? defaultIsExecutable(platform);
  const path = platform === 'win32' ? win32 : posix;
  const exe = platform === 'win32' ? 'adb.exe' : 'adb';

  if (options.bundledDir) {
    const bundled = path.join(options.bundledDir, exe);
    if (isExecutable(bundled)) return { path: bundled, source: 'bundled' };
  }

  const pathDirs = (pathVariable(env, platform) ?? '').split(path.delimiter).filter(Boolean);
  const fromEnv = env.ADB?.trim();
  if (fromEnv) {
    // A bare name (ADB=adb) is looked up on PATH, as a shell would.
    const candidates = /[\\/]/.test(fromEnv)
      ? [fromEnv]
      : pathDirs.map((d) => path.join(d, fromEnv));
    const found = candidates.find(isExecutable);
    if (found) return { path: found, source: 'env' };
    // An explicit choice that is wrong must not silently fall back to another adb.
    throw new BridgeError(
      BridgeErrorCode.AdbNotFound,
      `adb was not found: ADB is set to "${fromEnv}", which is not an executable file. ` +
        `Point ADB at an adb executable or unset it.`,
    );
  }

  for (const dir of pathDirs) {
    const candidate = path.join(dir, exe);
    if (isExecutable(candidate)) return { path: candidate, source: 'path' };
  }

  for (const dir of knownFolders(env, platform, options.homeDir ?? homedir())) {
    const candidate = path.join(dir, exe);
    if (isExecutable(candidate)) return { path: candidate, source: 'known-folder' };
  }

  throw new BridgeError(BridgeErrorCode.AdbNotFound, adbNotFoundMessage(platform));
}

/** The platform-tools folders searched after PATH, in order. */
export function knownFolders(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
): string[] {
  const path = platform === 'win32' ? win32 : posix;
  const sdkRoots = [env.ANDROID_HOME, env.ANDROID_SDK_ROOT].filter((v): v is string => !!v);
  const folders = sdkRoots.map((root) => path.join(root, 'platform-tools'));
  if (platform === 'win32') {
    if (env.LOCALAPPDATA)
      folders.push(path.join(env.LOCALAPPDATA, 'Android', 'Sdk', 'platform-tools'));
  } else if (platform === 'darwin') {
    folders.push(path.join(home, 'Library', 'Android', 'sdk', 'platform-tools'));
    folders.push('/opt/homebrew/bin', '/usr/local/bin');
  } else {
    folders.push(path.join(home, 'Android', 'Sdk', 'platform-tools'));
    folders.push('/usr/local/bin', '/home/linuxbrew/.linuxbrew/bin');
  }
  return folders;
}

export function adbNotFoundMessage(platform: NodeJS.Platform): string {
  const install =
    platform === 'win32'
      ? "download Google's SDK Platform-Tools for Windows " +
        '(https://developer.android.com/tools/releases/platform-tools), unzip it and add the folder to PATH'
      : platform === 'darwin'
        ? 'run `brew install --cask android-platform-tools`'
        : 'run `sudo apt-get install adb` (Debian/Ubuntu; other distributions ship an `android-tools` package)';
  return (
    'adb was not found (looked in $ADB, PATH and the usual Android SDK platform-tools folders). ' +
    `To install it, ${install}; or set ADB=/path/to/adb.`
  );
}

function pathVariable(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  if (platform !== 'win32') return env.PATH;
  // Windows environment names are case-insensitive: `Path` is common.
  const key = Object.keys(env).find((k) => k.toUpperCase() === 'PATH');
  return key ? env[key] : undefined;
}

function defaultIsExecutable(platform: NodeJS.Platform): (path: string) => boolean {
  return (path) => {
    try {
      if (!statSync(path).isFile()) return false;
      if (platform !== 'win32') accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
}
