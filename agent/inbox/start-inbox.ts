// The agent's inbox, wired: every text, link and file a phone sends becomes an item (the phone by
// its masked identity and model), and the control API's inbox routes act on them.
import type { SessionManager } from '../session/session-manager.js';
import { createInboxControl, type InboxControl } from './inbox-control.js';
import { inboxEntry, type SendingPhone } from './inbox-entry.js';
import { openInboxStore, type InboxStore } from './inbox-store.js';
import { systemOpener, type FileOpener } from './system-opener.js';

export interface RunningInbox {
  store: InboxStore;
  control: InboxControl;
  stop(): void;
}

export function startInbox(deps: {
  dataDir: string;
  sessions: Pick<SessionManager, 'onReceived'>;
  /** The phone of a serial, as the pairing sees it now (a QR-code session has none). */
  phone(serial: string): SendingPhone | undefined;
  opener?: FileOpener | undefined;
  openLink: ((url: string) => Promise<unknown>) | undefined;
  /** Where files from phones are saved now. */
  folder: () => string;
  warn(message: string): void;
}): RunningInbox {
  const store = openInboxStore(deps.dataDir);
  const stop = deps.sessions.onReceived((item) => {
    try {
      store.add(inboxEntry(item, deps.phone(item.serial)));
    } catch (error) {
      deps.warn(`an item from a phone was not kept in the inbox: ${(error as Error).message}`);
    }
  });
  const control = createInboxControl({
    store,
    opener: deps.opener ?? systemOpener(),
    openLink: deps.openLink,
    folder: deps.folder,
  });
  return { store, control, stop };
}
