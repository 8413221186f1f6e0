// What the local control API (and the Electron shell) can ask of a running agent.
import type { UsbPhone } from '../../native-bridge/types.js';
import type { PhoneStatus } from '../pairing/states.js';
import type { SendRequest, SendResult } from '../session/send-request.js';
import type { TabInfo } from '../browser/browser-host.js';
import type { BrowserRequest } from './browser-request.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { InboxControl } from '../inbox/inbox-control.js';
import type { HistoryView, OpenedTab } from '../../protocol/control-responses.js';

// The answers' shapes are the control API's contract (protocol/control-api.ts).
export type { HistoryView, OpenedTab };

export interface AgentStatus {
  paused: boolean;
  serverUrl: string;
  devices: PhoneStatus[];
  /** Phones on USB that show no ADB: USB debugging is off. */
  usbWithoutDebugging: Pick<UsbPhone, 'vendorId' | 'productId' | 'productName'>[];
}

export interface AgentControl {
  status(): AgentStatus;
  pause(): void;
  resume(): void;
  history(): HistoryView[];
  /** Removes a phone from local history; `target` is an adb serial or a masked identity. */
  forget(target: string): Promise<HistoryView>;
  /** Releases this computer's server binding of a phone (serial or masked) and forgets it. */
  release(target: string): Promise<HistoryView>;
  /** Opens a URL in the agent's browser session (`tandem open`); absent before the session exists. */
  open?(url: string): Promise<OpenedTab>;
  /** The PC browsing session's tabs, and the browser bar's actions on them (`active`: shown). */
  browser?: {
    tabs(): TabInfo[];
    act(request: BrowserRequest): Promise<TabInfo[]>;
  };
  /** Sends the selection, a link, an image or text to one connected phone or all (`tandem send`). */
  send?(request: SendRequest): Promise<SendResult>;
  /** The person's settings (settings.json in the data folder). */
  settings: SettingsStore;
  /** What phones sent: the list, open, show in folder. */
  inbox?: InboxControl;
  /** A plugged-in phone (serial or masked): "Check again", and "Use it on this computer". */
  phones?: {
    checkAgain(target: string): Promise<PhoneStatus>;
    takeover(target: string): Promise<PhoneStatus>;
    /** "Open on the phone again": the session page, by `am start`, on a connected phone. */
    reopen(target: string): Promise<PhoneStatus>;
  };
}
