// Files the phone sends land in the inbox folder (agent/inbox/inbox-folder.ts), never overwriting
// one another: a name already there becomes "name (2).ext", "name (3).ext"… A file whose writing
// fails half-way is removed, so no truncated file is left behind or listed.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function saveReceivedFile(dir: string, name: string, bytes: Uint8Array): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const safe = safeFileName(name);
  const dot = safe.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? safe : `${stem} (${n})${ext}`);
    try {
      writeFileSync(path, bytes, { flag: 'wx', mode: 0o600 });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      // Created, then the disk filled or the write failed: what was written goes.
      rmSync(path, { force: true });
      throw error;
    }
  }
}

/** A name that stays inside the folder on every OS: no separators, no control or reserved chars. */
export function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[/\\:*?"<>|\p{Cc}]/gu, '_')
    .replace(/^\.+/, '_')
    .trim()
    .slice(0, 200);
  return cleaned === '' ? 'file' : cleaned;
}
