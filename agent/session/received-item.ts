// What a phone sent the PC (text, a link, a file), as the agent tells its listeners: the Electron
// shell notifies the person; the agent's inbox (agent/inbox) keeps it for the UI, the tray and the CLI.

export type ReceivedItem =
  | { serial: string; kind: 'text'; text: string }
  | { serial: string; kind: 'link'; url: string; title?: string }
  | {
      serial: string;
      kind: 'file';
      name: string;
      /** Where it was saved, in the inbox folder. */
      path: string;
      bytes: number;
      /** The phone sent it as an image (or its type is image/*). */
      image: boolean;
    };

export type ReceivedListener = (item: ReceivedItem) => void;
