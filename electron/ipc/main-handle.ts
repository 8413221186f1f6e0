// Typed ipcMain.handle wrapper: every call's sender is checked before the handler runs
// (Electron security checklist: validate the sender of all IPC messages).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { IpcArgs, IpcChannel, IpcResult } from './contract.js';

export type TrustedSender = (event: IpcMainInvokeEvent) => boolean;

export function handle<C extends IpcChannel>(
  channel: C,
  isTrusted: TrustedSender,
  handler: (...args: IpcArgs<C>) => IpcResult<C> | Promise<IpcResult<C>>,
): void {
  ipcMain.handle(channel, (event, ...args: unknown[]) => {
    if (!isTrusted(event)) throw new Error(`IPC_UNTRUSTED_SENDER: ${channel}`);
    return handler(...(args as IpcArgs<C>));
  });
}

/** Trusts only frames whose URL starts with one of the given origins (the app's own UI). */
export function trustOrigins(origins: string[]): TrustedSender {
  return (event) => {
    const url = event.senderFrame?.url ?? '';
    return origins.some((origin) => url.startsWith(origin));
  };
}
