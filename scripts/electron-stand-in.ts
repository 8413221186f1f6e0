// A STAND-IN for an unpacked Electron distribution, so `electron-builder --dir` runs where the
// Electron binary cannot be downloaded (this project's build machines). It is NOT Electron and
// never runs an app: it holds only what electron-builder takes from an Electron dist on Linux
// (app-builder-lib/out/electron/ElectronFramework.js, with `electronDist` an unpacked folder):
//   electron          the executable electron-builder renames to the app's name; here a shell
//                     script that says it is a stand-in, carrying Electron's fuse wire so the
//                     configured fuses are flipped exactly as on a real binary (@electron/fuses)
//   resources/        where app.asar, app.asar.unpacked and extraResources go
//   LICENSE, LICENSES.chromium.html, version   the files electron-builder moves or keeps
// Usage: node --import tsx scripts/electron-stand-in.ts <folder> (the folder is replaced).
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @electron/fuses finds the wire after this marker (its constants.js). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** The fuse wire's format version that @electron/fuses writes (FuseVersion.V1). */
const FUSE_WIRE_VERSION = 1;
/**
 * Electron's own defaults, in @electron/fuses' FuseV1Options order: RunAsNode, CookieEncryption,
 * NodeOptions, NodeCliInspect, EmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
 * BrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges ('1' on, '0' off).
 */
export const DEFAULT_FUSE_WIRE = '10110001';
export const STAND_IN_MARK = 'Tandem Electron stand-in';

export interface ElectronStandIn {
  dir: string;
  /** The executable as electron-builder finds it, before it renames it. */
  executable: string;
}

/** Makes the stand-in in `dir` (emptied first). */
export function makeElectronStandIn(dir: string): ElectronStandIn {
  const out = resolve(dir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'resources'), { recursive: true });
  const executable = join(out, 'electron');
  const wire = String.fromCharCode(FUSE_WIRE_VERSION, DEFAULT_FUSE_WIRE.length) + DEFAULT_FUSE_WIRE;
  writeFileSync(
    executable,
    [
      '#!/bin/sh',
      `# ${STAND_IN_MARK}: made by scripts/electron-stand-in.ts for electron-builder --dir tests.`,
      `# fuse wire: ${FUSE_SENTINEL}${wire}`,
      `echo "${STAND_IN_MARK}: not Electron, it cannot run the app" >&2`,
      'exit 78',
      '',
    ].join('\n'),
    'latin1',
  );
  chmodSync(executable, 0o755);
  writeFileSync(join(out, 'LICENSE'), `${STAND_IN_MARK}: no Electron code here.\n`);
  writeFileSync(
    join(out, 'LICENSES.chromium.html'),
    `<p>${STAND_IN_MARK}: no Chromium code.</p>\n`,
  );
  writeFileSync(join(out, 'version'), `${electronVersion()}\n`);
  return { dir: out, executable };
}

/** Reads the fuse wire back from a (stand-in or real) executable: '1'/'0' per fuse. */
export function readFuseWire(executable: string): string {
  const bytes = readFileSync(executable);
  const at = bytes.indexOf(FUSE_SENTINEL);
  if (at < 0) throw new Error(`no fuse wire in ${executable}`);
  const start = at + FUSE_SENTINEL.length;
  const length = bytes[start + 1] ?? 0;
  return bytes.subarray(start + 2, start + 2 + length).toString('latin1');
}

/** The Electron version the project pins (electron-builder needs one, and reads it too). */
export function electronVersion(): string {
  const root = fileURLToPath(new URL('../', import.meta.url));
  const pkg = JSON.parse(
    readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
  ) as {
    version: string;
  };
  return pkg.version;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node --import tsx scripts/electron-stand-in.ts <folder>');
    process.exit(2);
  }
  console.log(makeElectronStandIn(dir).dir);
}
