// The one IPC contract between the Electron main process and the renderer: channel → signature.
// Both sides derive their types from this map; nothing else may use ipcMain/ipcRenderer directly.

export interface PhoneView {
  serial: string;
  model: string;
  identity: { kind: string; masked: string } | null;
  state: string;
  reason?: string;
}

export interface IpcContract {
  /** The phones the agent sees and their pairing states. */
  'agent:devices': () => PhoneView[];
  /** Pause or resume automatic pairing on plug. */
  'agent:set-paused': (paused: boolean) => boolean;
  /** The URL of the agent's local control UI (with its token), for the renderer. */
  'agent:control-url': () => string;
  /** Open an http(s) URL in the person's default browser. */
  'shell:open-external': (url: string) => void;
}

export type IpcChannel = keyof IpcContract;
export type IpcArgs<C extends IpcChannel> = Parameters<IpcContract[C]>;
export type IpcResult<C extends IpcChannel> = ReturnType<IpcContract[C]>;

export const ipcChannels: readonly IpcChannel[] = [
  'agent:devices',
  'agent:set-paused',
  'agent:control-url',
  'shell:open-external',
];
