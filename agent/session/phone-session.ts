// One phone's live session: the agent joins as the `pc` terminal, maps the phone's
// localhost to the embedded server with adb reverse, opens the session page in the phone's
// browser, streams the mirror to it and performs what it asks.
import { WebSocket } from 'ws';
import { FileAssembler, progressMessageFor } from '../../relay-client/file-transfer.js';
import { generateSealKey } from '../../relay-client/sealing.js';
import { RelayClient } from '../../relay-client/relay-client.js';
import type { SocketLike } from '../../relay-client/socket-like.js';
import type { AdbClient } from '../../native-bridge/adb/client.js';
import { openUrlOnPhone } from '../../native-bridge/actions/open-url.js';
import { addReverse, removeReverse } from '../../native-bridge/actions/reverse.js';
import type { MirrorEvent, RelayMessage } from '../../protocol/relay-messages.js';
import { throughReverse } from '../../protocol/server-reach.js';
import { buildSessionUrl } from '../../protocol/session-url.js';
import type { Logger } from '../log.js';
import type { BrowserOperation } from '../browser/operation-types.js';
import type { BrowserRuntime } from './browser-runtime.js';
import { encodeMirrorBatch, isFullSnapshotBatch, type MirrorEncoding } from './mirror-batches.js';
import { saveReceivedFile } from './received-files.js';
import type { ReceivedListener } from './received-item.js';

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
  /**
   * The port of a server on this computer (`serverUrl`'s: the embedded one, or a loopback --server):
   * the phone reaches it as its own localhost through adb reverse. Undefined: the phone gets
   * `serverUrl` as it is.
   */
  reversePort: number | undefined;
  browser: BrowserRuntime | undefined;
  /** Where files from the phone are saved; a function is asked at each file (the setting may change). */
  receivedDir: string | (() => string);
  log: Logger;
  /** The phone closed the session page: sharing again means opening the page again. */
  onPageClosed(): void;
  /** The phone's page is (back) on the session. */
  onPageOpened?(): void;
  /** The relay ended this session (server restarted, session expired): a new one is needed. */
  onSessionLost?(code: string | undefined): void;
  /** How mirror messages are packed (tests lower the cap); default DEFAULT_MIRROR_ENCODING. */
  mirrorEncoding?: Partial<MirrorEncoding>;
  /** Told of each text, link and complete file the phone sends. */
  onReceived?: ReceivedListener;
}

export class PhoneSession {
  private relay: RelayClient | undefined;
  private readonly files = new FileAssembler();
  private readonly unsubscribe: (() => void)[] = [];
  /** Recorder batches waiting to be encoded (gzip) and handed to the relay, in order. */
  private mirrorQueue: MirrorEvent[][] = [];
  private mirrorPumping = false;
  /** The shown page could not be sent (over the cap): its patches wait for the next snapshot. */
  private mirrorHeld = false;
  private inbound: Promise<void> = Promise.resolve();
  private closed = false;
  /** The URL the phone's browser was given (secret inside: never logged). */
  phoneUrl = '';

  constructor(private readonly deps: PhoneSessionDeps) {}

  async open(session: CreatedSession): Promise<void> {
    const { deps } = this;
    const sealKey = generateSealKey();
    const parts = { pageId: session.pageId, secret: session.secret, sealKey };
    const phoneServer = !deps.adb
      ? (deps.linkServerUrl ?? deps.serverUrl)
      : deps.reversePort === undefined
        ? deps.serverUrl
        : throughReverse(deps.serverUrl);
    this.phoneUrl = buildSessionUrl({ ...parts, server: phoneServer });

    const relay = new RelayClient({
      url: buildSessionUrl({ ...parts, server: deps.serverUrl }),
      role: 'pc',
      createSocket: (url) =>
        new WebSocket(url, { perMessageDeflate: false }) as unknown as SocketLike,
    });
    this.relay = relay;
    // One after the other, as the phone sent them: two typing operations performed at once would
    // interleave their focus-select-insert steps on the PC ("he" + "hel" → "hehel").
    relay.on('message', (message) => {
      this.inbound = this.inbound.then(() => this.onMessage(message));
    });
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

  /** Opens the session page on the phone again (the same URL: the same session resumes). */
  async reopen(): Promise<void> {
    const { deps } = this;
    if (!deps.adb || this.closed) return;
    if (deps.reversePort !== undefined) {
      await addReverse(deps.adb, deps.serial, deps.reversePort, deps.reversePort);
    }
    await openUrlOnPhone(deps.adb, deps.serial, this.phoneUrl);
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

  /** A snapshot batch resets the phone's replayer; large messages go in parts, in order. */
  private sendMirror(events: MirrorEvent[]): void {
    // A fresh snapshot holds whatever the patches still waiting before it would have changed.
    if (isFullSnapshotBatch(events)) this.mirrorQueue = [];
    this.mirrorQueue.push(events);
    if (!this.mirrorPumping) void this.pumpMirror();
  }

  private async pumpMirror(): Promise<void> {
    this.mirrorPumping = true;
    try {
      while (this.mirrorQueue.length > 0) await this.sendMirrorBatch(this.takeMirrorBatch());
    } finally {
      this.mirrorPumping = false;
    }
  }

  /** The next batch, with the patch batches that queued up behind it while the last one went. */
  private takeMirrorBatch(): MirrorEvent[] {
    const events = [...(this.mirrorQueue.shift() ?? [])];
    while (this.mirrorQueue[0] && !isFullSnapshotBatch(this.mirrorQueue[0])) {
      events.push(...(this.mirrorQueue.shift() ?? []));
    }
    return events;
  }

  private async sendMirrorBatch(events: MirrorEvent[]): Promise<void> {
    try {
      if (this.mirrorHeld && !isFullSnapshotBatch(events)) return;
      const messages = await encodeMirrorBatch(events, this.deps.mirrorEncoding);
      const [first] = messages;
      this.mirrorHeld = first?.type === 'mirror.unavailable';
      if (first?.type === 'mirror.unavailable') {
        this.deps.log.warn({ bytes: first.bytes }, 'page too large to mirror');
      }
      // Awaiting each keeps a large snapshot within the relay client's send window.
      for (const message of messages) await this.send(message);
    } catch (error) {
      this.deps.log.warn({ err: (error as Error).message }, 'mirror batch not sent');
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
      this.deps.onPageOpened?.();
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
        const serial = this.deps.serial;
        this.deps.onReceived?.(
          message.type === 'data.text'
            ? { serial, kind: 'text', text: message.text }
            : { serial, kind: 'link', url: message.url, title: message.title },
        );
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
    const { receivedDir } = this.deps;
    const dir = typeof receivedDir === 'string' ? receivedDir : receivedDir();
    const path = saveReceivedFile(dir, event.file.name, event.file.bytes);
    this.deps.log.info(
      { serial: this.deps.serial, bytes: event.file.bytes.length, path },
      'file received from phone',
    );
    this.deps.onReceived?.({
      serial: this.deps.serial,
      kind: 'file',
      name: event.file.name,
      path,
      bytes: event.file.bytes.length,
      image: event.file.kind === 'image' || event.file.mime.startsWith('image/'),
    });
  }
}
