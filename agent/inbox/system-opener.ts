// Opens a saved file with the application the system picks, or shows it in its folder. The
// Electron shell passes its own (shell.openPath, shell.showItemInFolder); headless, the agent
// runs xdg-open, open or explorer through an injectable launcher, so tests launch nothing.
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';

export interface FileOpener {
  openPath(path: string): Promise<void>;
  showInFolder(path: string): Promise<void>;
}

/** Starts a program detached from the agent; resolves once it started. */
export type Launcher = (command: string, args: string[]) => Promise<void>;

export const spawnDetached: Launcher = (command, args) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });

/** The system's opener for this platform, through `launch`. */
export function systemOpener(
  launch: Launcher = spawnDetached,
  platform: NodeJS.Platform = process.platform,
): FileOpener {
  switch (platform) {
    case 'darwin':
      return {
        openPath: (path) => launch('open', [path]),
        showInFolder: (path) => launch('open', ['-R', path]),
      };
    case 'win32':
      return {
        openPath: (path) => launch('explorer', [path]),
        showInFolder: (path) => launch('explorer', [`/select,${path}`]),
      };
    default:
      return {
        openPath: (path) => launch('xdg-open', [path]),
        showInFolder: (path) => launch('xdg-open', [dirname(path)]),
      };
  }
}
