// The one IPC contract: between the browsing tabs' preload and the Electron host (the desktop UI
// talks to the agent's control API over HTTP, as in a browser tab). Browsed pages are untrusted:
// the host answers only its own tabs' webContents (checked by the caller through `senderTab`), and
// pages see only the channel functions the preload exposes.
import { ipcMain, ipcRenderer, type IpcMainEvent, type WebContents } from 'electron';

const TAB_SETUP_CHANNEL = 'tandem:tab-setup';
const TAB_MESSAGE_CHANNEL = 'tandem:tab-message';

/** What a tab's preload needs, synchronously, before the page's own scripts run. */
export interface TabSetup {
  /** Scripts to run in the page's main world (the mirror's page agent). */
  scripts: string[];
  /** Names of `window[name](payload)` functions to expose to the page. */
  channels: string[];
}

/** Main side: answers setup requests and receives channel messages of known tabs only. */
export function serveTabs(
  senderTab: (sender: WebContents) => string | undefined,
  setupFor: (tabId: string) => TabSetup,
  onMessage: (tabId: string, channel: string, payload: unknown) => void,
): () => void {
  const setup = (event: IpcMainEvent): void => {
    const tabId = senderTab(event.sender);
    event.returnValue = tabId ? setupFor(tabId) : { scripts: [], channels: [] };
  };
  const message = (event: IpcMainEvent, channel: unknown, payload: unknown): void => {
    const tabId = senderTab(event.sender);
    if (!tabId || typeof channel !== 'string') return;
    if (event.senderFrame !== event.sender.mainFrame) return;
    onMessage(tabId, channel, payload);
  };
  ipcMain.on(TAB_SETUP_CHANNEL, setup);
  ipcMain.on(TAB_MESSAGE_CHANNEL, message);
  return () => {
    ipcMain.off(TAB_SETUP_CHANNEL, setup);
    ipcMain.off(TAB_MESSAGE_CHANNEL, message);
  };
}

/** Preload side: the setup, asked synchronously so it lands before the page's scripts. */
export function requestTabSetup(): TabSetup {
  return ipcRenderer.sendSync(TAB_SETUP_CHANNEL) as TabSetup;
}

export function sendTabMessage(channel: string, payload: unknown): void {
  ipcRenderer.send(TAB_MESSAGE_CHANNEL, channel, payload);
}
