// Typed ipcRenderer.invoke wrapper, used only by the preload script.
import { ipcRenderer } from 'electron';
import type { IpcArgs, IpcChannel, IpcResult } from './contract.js';

export function invoke<C extends IpcChannel>(
  channel: C,
  ...args: IpcArgs<C>
): Promise<Awaited<IpcResult<C>>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<Awaited<IpcResult<C>>>;
}
