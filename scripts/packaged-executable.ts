// Where electron-builder puts the unpacked app it packs into each installer, per OS and
// architecture (dist/installers/<folder>/…): the launch check starts the executable found here.
import { join } from 'node:path';

export const PRODUCT_NAME = 'Tandem';
/** electron-builder.yml's executableName: the Linux executable's name. */
export const LINUX_EXECUTABLE = 'tandem';

export function packagedExecutable(
  outDir: string,
  platform: NodeJS.Platform,
  arch: 'x64' | 'arm64',
): string {
  const suffix = arch === 'x64' ? '' : `-${arch}`;
  switch (platform) {
    case 'darwin':
      // The x64 folder is plain `mac`, arm64 `mac-arm64`.
      return join(outDir, `mac${suffix}`, `${PRODUCT_NAME}.app`, 'Contents', 'MacOS', PRODUCT_NAME);
    case 'win32':
      return join(outDir, `win${suffix}-unpacked`, `${PRODUCT_NAME}.exe`);
    case 'linux':
      return join(outDir, `linux${suffix}-unpacked`, LINUX_EXECUTABLE);
    default:
      throw new Error(`no installer is built for ${platform}`);
  }
}
