// The inbox as the control API offers it: the list, "Open" (a link in the mirrored browser, a
// file with the system's application) and "Show in folder" (files and images).
import { existsSync } from 'node:fs';
import { isHttpUrl } from '../../protocol/control-requests.js';
import { ControlError } from '../control/control-error.js';
import type { InboxItem, InboxStore } from './inbox-store.js';
import type { FileOpener } from './system-opener.js';

export interface InboxControl {
  /** Newest first. */
  list(): InboxItem[];
  open(id: string): Promise<InboxItem>;
  show(id: string): Promise<InboxItem>;
  /** Where files from phones are saved now (the settings' folder, else Downloads/Tandem). */
  folder(): string;
}

export function createInboxControl(deps: {
  store: InboxStore;
  opener: FileOpener;
  /** Opens a URL in a new tab of the mirrored browser; absent without a browser session. */
  openLink: ((url: string) => Promise<unknown>) | undefined;
  folder: () => string;
}): InboxControl {
  const item = (id: string): InboxItem => {
    const found = deps.store.find(id);
    if (!found) throw new ControlError('INBOX_ITEM_NOT_FOUND', 'no inbox item has that id');
    return found;
  };
  const savedFile = (found: InboxItem): string => {
    if (!found.path) {
      throw new ControlError('INBOX_NOT_OPENABLE', `a ${found.kind} has no file to open or show`);
    }
    if (!existsSync(found.path)) {
      throw new ControlError('INBOX_FILE_MISSING', 'the file is no longer in the inbox folder');
    }
    return found.path;
  };
  const bySystem = async (action: () => Promise<void>): Promise<void> => {
    try {
      await action();
    } catch {
      throw new ControlError('INBOX_OPEN_FAILED', 'the system could not open it');
    }
  };

  return {
    list: () => deps.store.list(),
    folder: () => deps.folder(),
    async open(id) {
      const found = item(id);
      if (found.kind === 'link') {
        if (!found.url || !isHttpUrl(found.url)) {
          throw new ControlError('INBOX_NOT_OPENABLE', 'only http(s) links open in the browser');
        }
        if (!deps.openLink) {
          throw new ControlError('CONTROL_NOT_AVAILABLE', 'this agent has no browser session');
        }
        await deps.openLink(found.url);
        return found;
      }
      const path = savedFile(found);
      await bySystem(() => deps.opener.openPath(path));
      return found;
    },
    async show(id) {
      const found = item(id);
      const path = savedFile(found);
      await bySystem(() => deps.opener.showInFolder(path));
      return found;
    },
  };
}
