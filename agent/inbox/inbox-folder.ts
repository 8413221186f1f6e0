// Where files and images from phones are saved: the folder the person chose in the settings, else
// the Downloads folder under Tandem/ ($TANDEM_INBOX_DIR stands in for the default in tests). Never
// the data folder. Created on first use.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../../protocol/settings.js';

export function inboxFolder(
  settings: Pick<Settings, 'inboxDir'>,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  return settings.inboxDir ?? env.TANDEM_INBOX_DIR ?? join(home, 'Downloads', 'Tandem');
}
