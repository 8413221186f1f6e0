// The installer's app, made here without the Electron binary: `npm run build` into a staging copy
// of the project (package.json, its lockfile, electron-builder.yml, build/, the shared node_modules),
// then `electron-builder --dir --linux` from the lockfile's electron-builder with a config that
// extends the project's own and changes only what this machine needs: electronDist points at the
// stand-in Electron (scripts/electron-stand-in.ts), no rebuild of native addons for Electron's ABI
// (the extracted app runs under plain Node), no publish. Then app.asar extracted with @electron/asar.
import { extractAll, listPackage } from '@electron/asar';
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { makeElectronStandIn } from '../scripts/electron-stand-in.js';

export { readFuseWire, STAND_IN_MARK } from '../scripts/electron-stand-in.js';

const run = promisify(execFile);
const repo = fileURLToPath(new URL('../', import.meta.url));
const PROJECT_FILES = ['package.json', 'package-lock.json', 'electron-builder.yml', 'LICENSE'];

export interface PackagedApp {
  /** Everything made here (staging, stand-in, output): removed by the caller. */
  root: string;
  /** electron-builder's linux-unpacked folder: the renamed executable, resources/. */
  appOutDir: string;
  resources: string;
  asar: string;
  /** The executable electron-builder made from the stand-in's (its name from executableName). */
  executable: string;
  /** electron-builder's own output, for failure messages. */
  log: string;
}

/** Builds and packs the app as the release workflow does, minus Electron itself. */
export async function packageAppDir(): Promise<PackagedApp> {
  const root = mkdtempSync(join(tmpdir(), 'tandem-packaged-'));
  const project = join(root, 'project');
  mkdirSync(project);
  for (const file of PROJECT_FILES) cpSync(join(repo, file), join(project, file));
  cpSync(join(repo, 'build'), join(project, 'build'), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(project, 'node_modules'));
  // `npm run build` with an output folder: the project's own build script, into the staging copy.
  await run('npm', ['run', 'build', '--', join(project, 'dist')], { cwd: repo });
  const standIn = makeElectronStandIn(join(root, 'electron-stand-in'));
  const output = join(root, 'out');
  const config = join(root, 'electron-builder.override.json');
  writeFileSync(
    config,
    JSON.stringify({
      extends: join(project, 'electron-builder.yml'),
      electronDist: standIn.dir,
      npmRebuild: false,
      publish: null,
      directories: { output },
    }),
  );
  const cli = join(repo, 'node_modules/electron-builder/cli.js');
  const args = [cli, '--dir', '--linux', '--x64', '--projectDir', project, '--config', config];
  const { stdout, stderr } = await run(process.execPath, [...args, '--publish', 'never'], {
    cwd: project,
    env: {
      ...process.env,
      ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
      CSC_IDENTITY_AUTO_DISCOVERY: 'false',
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  const appOutDir = join(output, 'linux-unpacked');
  const resources = join(appOutDir, 'resources');
  return {
    root,
    appOutDir,
    resources,
    asar: join(resources, 'app.asar'),
    executable: join(appOutDir, 'tandem'),
    log: stdout + stderr,
  };
}

/** Extracts app.asar (its unpacked files included) into `dest`. */
export function extractPackagedApp(asar: string, dest: string): string {
  extractAll(asar, dest);
  return dest;
}

/** Every path inside the asar, '/'-rooted. */
export function asarEntries(asar: string): string[] {
  return listPackage(asar, { isPack: false });
}
