// Preload of every browsing tab (sandboxed). Before the page's scripts run it installs the
// mirror's page agent in the main world and the channel functions the agent exposes.
import { contextBridge, webFrame } from 'electron';
import { requestTabSetup, sendTabMessage } from './tab-channels.js';

if (process.isMainFrame) {
  const setup = requestTabSetup();
  for (const name of setup.channels) {
    contextBridge.exposeInMainWorld(name, (payload: unknown) => sendTabMessage(name, payload));
  }
  for (const script of setup.scripts) void webFrame.executeJavaScript(script);
}
