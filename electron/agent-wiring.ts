// The running agent seen from the tray and the notifications: the tray's menu follows the phones'
// states; a phone plugged in and paired, one waiting for USB debugging, one paired elsewhere, and
// whatever a phone sends become notifications, each once, each with a click action.
import type { RunningAgent } from '../agent/runtime/start-agent.js';
import type { PhoneStatus } from '../agent/pairing/states.js';
import type { ReceivedItem } from '../agent/session/received-item.js';
import type { Notifier } from './notifier.js';
import { phoneNotice, phoneNoticePrefix, receivedNotice } from './phone-notices.js';
import type { TrayController } from './tray.js';
import type { Words } from '../protocol/i18n/desktop-words.js';
import { TRAY_INBOX_ITEMS } from './tray-inbox.js';

/** The same thing sent twice within this window is one notification. */
export const RECEIVED_DEDUP_MS = 10_000;

export interface AgentWiringDeps {
  tray: Pick<TrayController, 'update'>;
  notifier: Notifier;
  words: Words;
  /** Opens Tandem's windows. */
  open(): void;
  /** Shows a received file in the system's file manager. */
  showFile(path: string): void;
}

/** Wires the agent to the tray and the notifier; returns the unwiring. */
export function wireAgent(agent: RunningAgent, deps: AgentWiringDeps): () => void {
  const refresh = (): void => {
    const status = agent.control.status();
    deps.tray.update({
      phones: status.devices,
      paused: status.paused,
      inbox: agent.inbox.list().slice(0, TRAY_INBOX_ITEMS),
    });
  };
  const onChange = (status: PhoneStatus): void => {
    refresh();
    if (status.state === 'gone') deps.notifier.forget(phoneNoticePrefix(status.serial));
    const notice = phoneNotice(deps.words, status);
    if (notice) deps.notifier.notify(notice.key, notice.content, { onClick: () => deps.open() });
  };
  const onReceived = (item: ReceivedItem): void => {
    const notice = receivedNotice(deps.words, item);
    deps.notifier.notify(notice.key, notice.content, {
      windowMs: RECEIVED_DEDUP_MS,
      onClick: () => (item.kind === 'file' ? deps.showFile(item.path) : deps.open()),
    });
  };
  agent.orchestrator.on('change', onChange);
  const stopReceived = agent.sessions.onReceived(onReceived);
  const stopInbox = agent.inbox.onAdded(refresh);
  refresh();
  return () => {
    agent.orchestrator.off('change', onChange);
    stopReceived();
    stopInbox();
  };
}
