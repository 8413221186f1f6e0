// Where the installed app keeps the adb it ships with: electron-builder.yml's extraResources copy
// Google's platform-tools to resources/platform-tools. The agent prefers it over every other adb.
import { join } from 'node:path';

export const BUNDLED_ADB_FOLDER = 'platform-tools';

/** The bundled adb's folder when running from an installer, else undefined (from source). */
export function bundledAdbDir(packaged: boolean, resourcesPath: string): string | undefined {
  return packaged ? join(resourcesPath, BUNDLED_ADB_FOLDER) : undefined;
}
