// Preload: one method per IPC channel, never ipcRenderer itself (context isolation guide).
import { contextBridge } from 'electron';
import { invoke } from './ipc/renderer-invoke.js';

const tandem = {
  devices: () => invoke('agent:devices'),
  setPaused: (paused: boolean) => invoke('agent:set-paused', paused),
  controlUrl: () => invoke('agent:control-url'),
  openExternal: (url: string) => invoke('shell:open-external', url),
};

export type TandemBridge = typeof tandem;

contextBridge.exposeInMainWorld('tandem', tandem);
