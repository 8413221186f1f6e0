// The desktop app's data folder, for the Electron shell: the agent owns the choice, so electron/
// never reaches past it into db/. A packaged app ignores risky environment variables such as
// $TANDEM_DATA_DIR (Signal's config.main.ts habit); a development run honours them.
import { resolveDataDir } from '../../db/data-dir.js';

export function appDataDir(options: { packaged: boolean }): string {
  return resolveDataDir(options.packaged ? { env: {} } : {});
}
