// One phone's live session (patent A): the agent joins as the `pc` terminal, maps the phone's
// localhost to the embedded server with adb reverse, opens the session page in the phone's
// browser, streams the mirror to it and performs what it asks.
import { WebSocket } from 'ws';
import { FileAssembler, progressMessageFor } from '../../mobile/lib/file-transfer.js';
import { generateE2eKey } from '../../mobile/lib/e2e-seal.js';
import { RelayClient } from '../../mobile/lib/relay-client.js';
import type { SocketLike } from '../../mobile/lib/socket-like.js';
import type { AdbClient } from '../../native-bridge/adb/client.js';
import { openUrlOnPhone } from '../../native-bridge/actions/open-url.js';
import { addReverse, removeReverse } from '../../native-bridge/actions/reverse.js';
import type { MirrorEvent, RelayMessage } from '../../protocol/relay-messages.js';
import { buildSessionUrl } from '../../protocol/session-url.js';
import type { Logger } from '../log.js';
import type { BrowserOperation } from '../browser/operation-types.js';
import type { BrowserRuntime } from './browser-runtime.js';
import { isFullSnapshotBatch, splitBatch } from './mirror-batches.js';
import { saveReceivedFile } from './received-files.js';

export interface CreatedSession {
  sessionId: string;
  pageId: string;
  secret: string;
}

export interface PhoneSessionDeps {
  /** Absent for a phone without a cable: it opens the page itself (a QR code), no adb involved. */
  adb: AdbClient | undefined;
  serial: string;
  serverUrl: string;
  /** The server as a phone without a cable reaches it (a LAN address); default `serverUrl`. */
  linkServerUrl?: string | undefined;
  /** The embedded server's port: the phone reaches it as its own localhost through adb reverse. */
  reversePort: number | undefined;
  browser: BrowserRuntime | undefined;
  receivedDir: string;
  log: Logger;
  /** The phone closed the session page (patent A §5). */
  onPageClosed(): void;
  /** The relay ended this session (server restarted, session expired): a new one is needed. */
  onSessionLost?(code: string | undefined): void;
}

export class PhoneSession {
  private relay: RelayClient | undefined;
  private readonly files = new FileAssembler();
  private readonly unsubscribe: (() => void)[] = [];
  private closed = false;
  /** The URL the phone's browser was given (secret inside: never logged). */
  phoneUrl = '';

  constructor(private readonly deps: PhoneSessionDeps) {}

  async open(session: CreatedSession): Promise<void> {
    const { deps } = this;
    const e2eKey = generateE2eKey();
    const parts = { pageId: session.pageId, secret: session.secret, e2eKey };
    const phoneServer = !deps.adb
      ? (deps.linkServerUrl ?? deps.serverUrl)
      : deps.reversePort === undefined
        ? deps.serverUrl
        : `http://localhost:${deps.reversePort}`;
    this.phoneUrl = buildSessionUrl({ ...parts, server: phoneServer });

    const relay = new RelayClient({
      url: buildSessionUrl({ ...parts, server: deps.serverUrl }),
      role: 'pc',
      createSocket: (url) =>
        new WebSocket(url, { perMessageDeflate: false }) as unknown as SocketLike,
    });
    this.relay = relay;
    relay.on('message', (message) => void this.onMessage(message));
    relay.on('peer', (state, info) => this.onPeer(state, info.reason));
    relay.on('error', (error) => deps.log.warn({ code: error.code }, 'relay error'));
    relay.on('status', (status, detail) => {
      if ((status === 'closed' || status === 'refused') && !this.closed) {
        deps.log.warn({ serial: deps.serial, status, code: detail?.code }, 'relay session lost');
        deps.onSessionLost?.(detail?.code);
      }
    });
    relay.start();
    this.streamMirror();

    if (!deps.adb) return;
    if (deps.reversePort !== undefined) {
      await addReverse(deps.adb, deps.serial, deps.reversePort, deps.reversePort);
    }
    await openUrlOnPhone(deps.adb, deps.serial, this.phoneUrl);
    deps.log.info(
      { serial: deps.serial, sessionId: session.sessionId },
      'session page opened on the phone',
    );
  }

  /** Sends data to the phone (the PC's "send to phone"). */
  send(message: RelayMessage): Promise<void> {
    return this.relay ? this.relay.send(message) : Promise.resolve();
  }

  async close(options: { phoneAttached: boolean }): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const stop of this.unsubscribe) stop();
    this.relay?.close();
    if (options.phoneAttached && this.deps.adb && this.deps.reversePort !== undefined) {
      await removeReverse(this.deps.adb, this.deps.serial, this.deps.reversePort).catch(
        () => undefined,
      );
    }
  }

  private streamMirror(): void {
    const browser = this.deps.browser;
    if (!browser) return;
    this.unsubscribe.push(
      browser.mirror.onShownBatch((_tabId, batch) => {
        if (this.relay?.peer !== 'present') return; // a (re)joining phone gets a fresh snapshot
        this.sendMirror(batch.events as MirrorEvent[]);
      }),
      browser.host.on((event) => {
        if (event.type !== 'navigated') this.sendTabs();
      }),
    );
  }

  /** A snapshot batch resets the phone's replayer; the parts after its first are patches. */
  private sendMirror(events: MirrorEvent[]): void {
    const { parts, tooLarge } = splitBatch(events);
    if (tooLarge.length > 0) {
      this.deps.log.warn(
        { events: tooLarge.length },
        'mirror events too large for the relay dropped',
      );
    }
    let type: 'mirror.snapshot' | 'mirror.patch' = isFullSnapshotBatch(events)
      ? 'mirror.snapshot'
      : 'mirror.patch';
    for (const payload of parts) {
      void this.send({ type, payload });
      type = 'mirror.patch';
    }
  }

  private sendTabs(): void {
    const tabs = this.deps.browser?.tabs();
    if (!tabs || this.relay?.peer !== 'present') return;
    void this.send({ type: 'mirror.tabs', tabs });
  }

  private onPeer(state: 'present' | 'away' | 'absent', reason: string | undefined): void {
    this.deps.log.info({ serial: this.deps.serial, peer: state, reason }, 'phone terminal');
    if (state === 'present') {
      this.sendTabs();
      void this.deps.browser?.mirror.requestSnapshot();
    }
    if (state === 'absent' && reason === 'closed' && !this.closed) this.deps.onPageClosed();
  }

  private async onMessage(message: RelayMessage): Promise<void> {
    try {
      if (message.type.startsWith('op.')) return await this.perform(message as BrowserOperation);
      if (message.type.startsWith('data.file.')) return await this.receiveFile(message);
      if (message.type === 'data.text' || message.type === 'data.link') {
        this.deps.log.info({ serial: this.deps.serial, type: message.type }, 'received from phone');
      }
    } catch (error) {
      this.deps.log.warn(
        { type: message.type, err: (error as Error).message },
        'phone message failed',
      );
    }
  }

  private async perform(op: BrowserOperation): Promise<void> {
    const browser = this.deps.browser;
    if (!browser) return;
    const result = await browser.perform(op);
    if (result.find) await this.send({ type: 'find.result', ...result.find });
    if (result.text !== undefined) await this.send({ type: 'data.text', text: result.text });
  }

  private async receiveFile(message: RelayMessage): Promise<void> {
    const event = await this.files.handle(message);
    if (!event) return;
    void this.send(progressMessageFor(event));
    if (event.event !== 'complete') return;
    const path = saveReceivedFile(this.deps.receivedDir, event.file.name, event.file.bytes);
    this.deps.log.info(
      { serial: this.deps.serial, bytes: event.file.bytes.length, path },
      'file received from phone',
    );
  }
}
