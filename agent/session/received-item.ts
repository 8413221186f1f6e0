// What a phone sent the PC (text, a link, a file), as the agent tells its listeners: the Electron
// shell notifies the person; the CLI and the UI find it in the log and the received folder.

export type ReceivedItem =
  | { serial: string; kind: 'text'; text: string }
  | { serial: string; kind: 'link'; url: string; title?: string }
  | { serial: string; kind: 'file'; name: string; path: string };

export type ReceivedListener = (item: ReceivedItem) => void;
