// Keeps one PhoneSession per connected phone: opened when pairing creates the session, closed when
// the phone is unplugged or released, or when the phone closes the session page.
import type { AdbClient } from '../../native-bridge/adb/client.js';
import type { Logger } from '../log.js';
import type { PairingOrchestrator } from '../pairing/orchestrator.js';
import type { BrowserRuntime } from './browser-runtime.js';
import { PhoneSession, type CreatedSession } from './phone-session.js';
import type { ReceivedItem, ReceivedListener } from './received-item.js';

export interface SessionManagerDeps {
  adb: AdbClient;
  serverUrl: string;
  reversePort: number | undefined;
  browser: BrowserRuntime | undefined;
  /** Where files from phones are saved (asked at each file: the setting may change). */
  receivedDir: string | (() => string);
  log: Logger;
}

export class SessionManager {
  private readonly sessions = new Map<string, PhoneSession>();
  private orchestrator: PairingOrchestrator | undefined;
  private readonly receivedListeners = new Set<ReceivedListener>();
  private readonly received = (item: ReceivedItem): void => {
    for (const listener of this.receivedListeners) listener(item);
  };

  constructor(private readonly deps: SessionManagerDeps) {}

  /** Follows the pairing states: a phone gone or released loses its session. */
  attach(orchestrator: PairingOrchestrator): void {
    this.orchestrator = orchestrator;
    orchestrator.on('change', (status) => {
      if (status.state === 'gone') void this.close(status.serial, false);
      else if (status.state !== 'connecting' && status.state !== 'connected') {
        void this.close(status.serial, true);
      }
    });
  }

  async open(serial: string, created: CreatedSession): Promise<void> {
    await this.close(serial, true);
    const session = new PhoneSession({
      ...this.deps,
      serial,
      onReceived: this.received,
      onPageClosed: () => {
        this.deps.log.info({ serial }, 'the phone closed the session page');
        this.orchestrator?.phone(serial)?.pageClosed(true);
      },
      onPageOpened: () => this.orchestrator?.phone(serial)?.pageClosed(false),
      onSessionLost: () => this.orchestrator?.sessionLost(serial),
    });
    this.sessions.set(serial, session);
    try {
      await session.open(created);
    } catch (error) {
      await this.close(serial, true);
      throw error;
    }
  }

  /**
   * A session for a phone without a cable: nothing to pair, the person opens the returned URL
   * (a QR code) on the phone. Keyed `link:<sessionId>`; it ends when the agent stops.
   */
  async openLink(created: CreatedSession, linkServerUrl: string | undefined): Promise<string> {
    const session = new PhoneSession({
      ...this.deps,
      adb: undefined,
      serial: `link:${created.sessionId}`,
      linkServerUrl,
      onReceived: this.received,
      onPageClosed: () => this.deps.log.info('the phone closed the link session page'),
    });
    this.sessions.set(`link:${created.sessionId}`, session);
    await session.open(created);
    return session.phoneUrl;
  }

  /** Calls `listener` with each text, link and file any phone sends; returns its removal. */
  onReceived(listener: ReceivedListener): () => void {
    this.receivedListeners.add(listener);
    return () => this.receivedListeners.delete(listener);
  }

  session(serial: string): PhoneSession | undefined {
    return this.sessions.get(serial);
  }

  async close(serial: string, phoneAttached: boolean): Promise<void> {
    const session = this.sessions.get(serial);
    if (!session) return;
    this.sessions.delete(serial);
    await session.close({ phoneAttached });
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((serial) => this.close(serial, true)));
  }
}
