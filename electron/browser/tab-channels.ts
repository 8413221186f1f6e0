// The one IPC contract: between the browsing tabs' preload and the Electron host (the desktop UI
// talks to the agent's control API over HTTP, as in a browser tab). Browsed pages are untrusted:
// the host answers only its own tabs' webContents (checked by the caller through `senderTab`), a
// message counts only from the main frame the preload was injected into, on the exact origin it
// had then (InjectedFrames), and pages see only the fixed PAGE_CHANNELS.
import { ipcMain, ipcRenderer, type IpcMainEvent, type WebContents } from 'electron';
import { InjectedFrames, PAGE_CHANNELS } from './injected-frames.js';

const TAB_SETUP_CHANNEL = 'tandem:tab-setup';
const TAB_MESSAGE_CHANNEL = 'tandem:tab-message';

/** What a tab's preload needs, synchronously, before the page's own scripts run. */
export interface TabSetup {
  /** Scripts to run in the page's main world (the mirror's page agent). */
  scripts: string[];
  /** Names of `window[name](payload)` functions to expose to the page (within PAGE_CHANNELS). */
  channels: string[];
}

const NOTHING: TabSetup = { scripts: [], channels: [] };

/** Main side: answers setup requests and receives channel messages of known tabs only. */
export function serveTabs(
  senderTab: (sender: WebContents) => string | undefined,
  setupFor: (tabId: string) => TabSetup,
  onMessage: (tabId: string, channel: string, payload: unknown) => void,
  frames: InjectedFrames = new InjectedFrames(),
): () => void {
  const setup = (event: IpcMainEvent): void => {
    const tabId = senderTab(event.sender);
    const frame = event.senderFrame;
    if (!tabId || !frame || frame !== event.sender.mainFrame || !frames.record(tabId, frame)) {
      event.returnValue = NOTHING;
      return;
    }
    const wanted = setupFor(tabId);
    event.returnValue = {
      scripts: wanted.scripts,
      channels: wanted.channels.filter((name) => PAGE_CHANNELS.includes(name)),
    } satisfies TabSetup;
  };
  const message = (event: IpcMainEvent, channel: unknown, payload: unknown): void => {
    const tabId = senderTab(event.sender);
    if (!tabId || !frames.accepts(tabId, event.senderFrame, channel)) return;
    onMessage(tabId, channel as string, payload);
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

/** Preload side: only a channel of the fixed set is ever sent. */
export function sendTabMessage(channel: string, payload: unknown): void {
  if (!PAGE_CHANNELS.includes(channel)) return;
  ipcRenderer.send(TAB_MESSAGE_CHANNEL, channel, payload);
}
