// The person's settings in the data folder's settings.json: read once, written whole through a
// temporary file and a rename, so a crash mid-write leaves the old file. A damaged file is kept
// aside (settings.json.damaged-<time>) and the defaults used: a bad file never stops Tandem.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { SettingsSchema, type Settings, type SettingsPatch } from '../../protocol/settings.js';
import { ControlError } from '../control/control-error.js';

export interface SettingsStore {
  get(): Settings;
  /** Changes the named settings (`null`: back to the default) and writes the file. */
  update(patch: SettingsPatch): Settings;
  /** Called with the new settings after every change. */
  onChange(listener: (settings: Settings) => void): () => void;
}

export function openSettingsStore(
  dataDir: string,
  warn: (message: string) => void = () => {},
): SettingsStore {
  const file = join(dataDir, 'settings.json');
  let settings = readSettings(file, warn);
  const listeners = new Set<(settings: Settings) => void>();

  return {
    get: () => ({ ...settings }),
    update(patch) {
      if (typeof patch.inboxDir === 'string' && !isAbsolute(patch.inboxDir)) {
        throw new ControlError(
          'CONTROL_BAD_REQUEST',
          'the inbox folder must be an absolute path',
          400,
        );
      }
      const next: Record<string, unknown> = { ...settings };
      for (const [key, value] of Object.entries(patch)) {
        if (value === null) delete next[key];
        else if (value !== undefined) next[key] = value;
      }
      settings = SettingsSchema.parse(next);
      mkdirSync(dataDir, { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 });
      renameSync(temporary, file);
      for (const listener of listeners) listener({ ...settings });
      return { ...settings };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function readSettings(file: string, warn: (message: string) => void): Settings {
  if (!existsSync(file)) return {};
  try {
    const parsed = SettingsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: handled below like a file of the wrong shape
  }
  const aside = `${file}.damaged-${Date.now()}`;
  renameSync(file, aside);
  warn(`settings.json was damaged; kept as ${aside}, using the defaults`);
  return {};
}
