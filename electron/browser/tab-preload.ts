// Preload of every browsing tab (sandboxed). Before the page's scripts run it installs the
// mirror's page agent in the main world and the channel functions the agent exposes, only those
// of the fixed PAGE_CHANNELS set, whatever the setup names.
import { contextBridge, webFrame } from 'electron';
import { PAGE_CHANNELS } from './injected-frames.js';
import { requestTabSetup, sendTabMessage } from './tab-channels.js';

if (process.isMainFrame) {
  const setup = requestTabSetup();
  for (const name of setup.channels.filter((channel) => PAGE_CHANNELS.includes(channel))) {
    contextBridge.exposeInMainWorld(name, (payload: unknown) => sendTabMessage(name, payload));
  }
  for (const script of setup.scripts) void webFrame.executeJavaScript(script);
}
