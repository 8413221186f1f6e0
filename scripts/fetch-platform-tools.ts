// Fetches Google's Android SDK Platform-Tools for the target OS and keeps what Tandem ships:
// adb (with its two DLLs on Windows), NOTICE.txt (the licences, which must travel with adb) and
// source.properties (its version). electron-builder.yml packs build/platform-tools as
// extraResources, as scrcpy's releases carry adb. Run by the release workflow on each runner:
//   node --import tsx scripts/fetch-platform-tools.ts [--platform win32|darwin|linux] [--out DIR]
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
export const PLATFORM_TOOLS_OUT = join(root, 'build', 'platform-tools');

const ZIP_OS: Partial<Record<NodeJS.Platform, string>> = {
  win32: 'windows',
  darwin: 'darwin',
  linux: 'linux',
};

/** Google's download of the latest Platform-Tools for an OS (one zip for every architecture). */
export function platformToolsUrl(platform: NodeJS.Platform): string {
  const os = ZIP_OS[platform];
  if (!os) throw new Error(`Google ships no Platform-Tools for ${platform}`);
  return `https://dl.google.com/android/repository/platform-tools-latest-${os}.zip`;
}

/** The files kept from the zip's platform-tools/ folder. */
export function platformToolsFiles(platform: NodeJS.Platform): string[] {
  const adb = platform === 'win32' ? ['adb.exe', 'AdbWinApi.dll', 'AdbWinUsbApi.dll'] : ['adb'];
  return [...adb, 'NOTICE.txt', 'source.properties'];
}

/** The Pkg.Revision line of source.properties: the Platform-Tools version. */
export function platformToolsVersion(sourceProperties: string): string | undefined {
  return /^Pkg\.Revision\s*=\s*(\S+)/m.exec(sourceProperties)?.[1];
}

export async function fetchPlatformTools(
  platform: NodeJS.Platform,
  out = PLATFORM_TOOLS_OUT,
): Promise<string> {
  const url = platformToolsUrl(platform);
  const work = mkdtempSync(join(tmpdir(), 'tandem-platform-tools-'));
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const zip = join(work, 'platform-tools.zip');
    await writeFile(zip, Buffer.from(await response.arrayBuffer()));
    // macOS and Linux runners have unzip; Windows has PowerShell's Expand-Archive (its PATH may
    // put Git's GNU tar, which cannot read zip files, before the system's bsdtar).
    if (process.platform === 'win32') {
      const command = `Expand-Archive -LiteralPath '${zip}' -DestinationPath '${work}'`;
      execFileSync('powershell', ['-NoProfile', '-NonInteractive', '-Command', command]);
    } else {
      execFileSync('unzip', ['-q', zip, '-d', work]);
    }
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    for (const file of platformToolsFiles(platform)) {
      copyFileSync(join(work, 'platform-tools', file), join(out, file));
    }
    if (platform !== 'win32') chmodSync(join(out, 'adb'), 0o755);
    return platformToolsVersion(readFileSync(join(out, 'source.properties'), 'utf8')) ?? '?';
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const option = (name: string) => {
    const at = process.argv.indexOf(name);
    return at >= 0 ? process.argv[at + 1] : undefined;
  };
  const platform = (option('--platform') ?? process.platform) as NodeJS.Platform;
  const out = resolve(option('--out') ?? PLATFORM_TOOLS_OUT);
  const version = await fetchPlatformTools(platform, out);
  console.log(`platform-tools ${version} for ${platform} in ${out}`);
}
