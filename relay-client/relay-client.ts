// A terminal's end of the relay, shared by the phone page and Node tools (the WebSocket is
// injected). Reconnects with capped exponential backoff and a silence watchdog; numbers reliable
// messages, keeps them until the relay acknowledges them and resends after a resume; drops
// duplicates it receives; seals every payload with AES-GCM under the key of the URL fragment.
import { RelayCloseCode, RelayError, RelayErrorCode } from '../protocol/relay-errors.js';
import {
  ACK_POLICY,
  MAX_FRAME_BYTES,
  RELAY_PROTOCOL_VERSION,
  ServerFrameSchema,
} from '../protocol/relay-frames.js';
import type { ForwardFrame, Role, ServerFrame, WelcomeFrame } from '../protocol/relay-frames.js';
import {
  MESSAGE_DELIVERY,
  coalesceKeyOf,
  RelayMessageSchema,
  type RelayMessage,
} from '../protocol/relay-messages.js';
import { buildUpgradeUrl, parseSessionUrl, type SessionUrlParts } from '../protocol/session-url.js';
import { importE2eKey, openBytes, seal, sealAad } from './sealing.js';
import { PERMANENT_REFUSALS, probeJoin } from './join-probe.js';
import { Outbox } from './outbox.js';
import { messageOf, plaintextOf } from './sealed-plaintext.js';
import { SOCKET_OPEN, type SocketFactory, type SocketLike } from './socket-like.js';
import { TypedEmitter } from './typed-emitter.js';

/** What a msg frame adds around its payload: v, t, mode, seq, type and key, with room to spare. */
const FRAME_ENVELOPE_BYTES = 256;

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

export type ClientStatus = 'connecting' | 'open' | 'reconnecting' | 'refused' | 'closed';
export type PeerState = 'present' | 'away' | 'absent';

export interface RelayClientOptions {
  /** The session URL, `<server>/s/<pageId>?k=<secret>#<e2e key>`. */
  url: string;
  role: Role;
  createSocket: SocketFactory;
  /** Default true: a URL without `#key` is refused instead of sending plaintext. */
  requireE2e?: boolean;
  /** Unacknowledged reliable bytes before send() waits. */
  windowBytes?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Silence after which the connection is presumed dead; default 2.5 heartbeats. */
  watchdogMs?: number;
  probe?: typeof probeJoin;
  /**
   * How long a "session full" answer is taken for a seat not yet given up: a reloaded page can
   * come back before the relay has noticed that its old connection died (up to two heartbeats).
   * Default 0 (a third terminal, or a script, hears at once); the phone page waits 45 s.
   */
  seatWaitMs?: number;
}

type Events = {
  status: [ClientStatus, { code: string; message: string } | undefined];
  message: [RelayMessage];
  /** `resumed: false` on a join means a new terminal (e.g. a reloaded page): start it afresh. */
  peer: [PeerState, { role: Role; reason?: string; resumed?: boolean }];
  /** The relay forgot this terminal (grace window over): unacknowledged messages were renumbered. */
  reset: [];
  error: [RelayError];
};

export class RelayClient extends TypedEmitter<Events> {
  status: ClientStatus = 'connecting';
  peer: PeerState = 'absent';
  refusal: { code: string; message: string } | undefined;
  readonly parts: SessionUrlParts;
  private readonly peerRole: Role;
  private readonly key: Promise<CryptoKey> | undefined;
  private readonly outbox: Outbox;
  private socket: SocketLike | undefined;
  private ready = false;
  private welcomed = false;
  private resumeToken: string | undefined;
  private lastRecv = 0;
  private unacked = 0;
  private unackedBytes = 0;
  private attempt = 0;
  /** When the relay first said the seat is taken, in this run of attempts. */
  private fullSince: number | undefined;
  private heartbeatMs = 15_000;
  private timers: Record<
    'watchdog' | 'reconnect' | 'ack' | 'latest',
    ReturnType<typeof setTimeout> | undefined
  > = { watchdog: undefined, reconnect: undefined, ack: undefined, latest: undefined };
  /** Latest-wins frames not yet sent, newest per type and coalescing key. */
  private readonly latest = new Map<string, string>();
  private sendChain: Promise<void> = Promise.resolve();
  private recvChain: Promise<void> = Promise.resolve();
  private flushWaiters: Array<() => void> = [];

  constructor(private readonly options: RelayClientOptions) {
    super();
    this.parts = parseSessionUrl(options.url);
    this.peerRole = options.role === 'pc' ? 'phone' : 'pc';
    if (this.parts.e2eKey === undefined && options.requireE2e !== false) {
      throw new RelayError(
        RelayErrorCode.SessionUrlInvalid,
        'the session URL has no #key for end-to-end encryption',
      );
    }
    this.key = this.parts.e2eKey === undefined ? undefined : importE2eKey(this.parts.e2eKey);
    this.outbox = new Outbox(options.windowBytes ?? 4 * 1024 * 1024);
  }

  start(): this {
    this.connect();
    return this;
  }

  /** Queues one message; resolves once it is in the outbox (reliable) or handed over (latest-wins). */
  send(message: RelayMessage): Promise<void> {
    const parsed = RelayMessageSchema.safeParse(message);
    if (!parsed.success) {
      return Promise.reject(
        new RelayError(RelayErrorCode.MessageInvalid, `not a valid ${message.type} message`),
      );
    }
    const run = this.sendChain.then(() => this.sendNow(parsed.data));
    this.sendChain = run.catch(() => {});
    return run;
  }

  /** Resolves when the relay holds every reliable message sent so far. */
  flush(): Promise<void> {
    if (this.outbox.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.flushWaiters.push(resolve));
  }

  /** Leaves the session on purpose (page closed): the peer is told at once. */
  close(): void {
    if (this.status === 'closed') return;
    const socket = this.socket;
    if (socket?.readyState === SOCKET_OPEN) {
      socket.send('{"t":"bye"}');
      socket.close(RelayCloseCode.Normal, 'bye');
    }
    this.stop('closed', undefined);
  }

  private async sendNow(message: RelayMessage): Promise<void> {
    const mode = MESSAGE_DELIVERY[message.type];
    const key = this.key ? await this.key : undefined;
    const payload = key
      ? { sealed: await seal(key, sealAad(this.options.role, message.type), plaintextOf(message)) }
      : { body: message };
    // The relay would close the connection (1009), and a reliable frame would be resent after every
    // reconnect: refuse it here instead.
    const payloadBytes = payload.sealed?.length ?? utf8Length(JSON.stringify(message));
    if (payloadBytes + FRAME_ENVELOPE_BYTES > MAX_FRAME_BYTES) {
      throw new RelayError(
        RelayErrorCode.MessageTooLarge,
        `a ${message.type} message of ${payloadBytes} bytes does not fit in one relay frame`,
      );
    }
    const v = RELAY_PROTOCOL_VERSION;
    if (mode === 'latest') {
      const key = coalesceKeyOf(message);
      const slot = key === undefined ? message.type : `${message.type} ${key}`;
      const frame = { v, t: 'msg', mode, type: message.type, ...(key ? { key } : {}), ...payload };
      // Delete first: the map keeps insertion order, and the oldest waiting slot goes out first.
      this.latest.delete(slot);
      this.latest.set(slot, JSON.stringify(frame));
      return this.flushLatest();
    }
    await this.outbox.room();
    if (this.status === 'closed' || this.status === 'refused') {
      throw new RelayError(RelayErrorCode.ConnectionClosed, 'the relay connection is closed');
    }
    const entry = this.outbox.push((seq) =>
      JSON.stringify({ v, t: 'msg', mode, seq, type: message.type, ...payload }),
    );
    if (this.ready) this.socket?.send(entry.text);
  }

  private connect(): void {
    const url = buildUpgradeUrl(this.parts.server, RELAY_PROTOCOL_VERSION, {
      pageId: this.parts.pageId,
      role: this.options.role,
      secret: this.parts.secret,
      token: this.parts.token,
      resumeToken: this.resumeToken,
      lastSeq: this.lastRecv,
    });
    const socket = this.options.createSocket(url);
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.armWatchdog();
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket) return;
      this.armWatchdog();
      this.onFrame(String(event.data));
    };
    socket.onclose = (event) => {
      if (this.socket === socket) void this.onClosed(event.code, event.reason, opened);
    };
    socket.onerror = () => {};
  }

  private async onClosed(code: number, reason: string, opened: boolean): Promise<void> {
    this.socket = undefined;
    this.ready = false;
    clearTimeout(this.timers.watchdog);
    if (this.status === 'closed' || this.status === 'refused') return;
    if (code === RelayCloseCode.Expired) {
      return this.stop('refused', {
        code: RelayErrorCode.Expired,
        message: 'the session has expired',
      });
    }
    if (code === RelayCloseCode.Replaced) {
      return this.stop('refused', {
        code: RelayErrorCode.Full,
        message: 'another connection took this place',
      });
    }
    if (this.refusal && PERMANENT_REFUSALS.has(this.refusal.code))
      return this.stop('refused', this.refusal);
    if (!opened || reason.startsWith(RelayErrorCode.VersionMismatch)) {
      const refusal = await (this.options.probe ?? probeJoin)({
        server: this.parts.server,
        pageId: this.parts.pageId,
        role: this.options.role,
        secret: this.parts.secret,
        token: this.parts.token,
        resumeToken: this.resumeToken,
      });
      if (refusal && PERMANENT_REFUSALS.has(refusal.code) && !this.mayWaitForSeat(refusal.code)) {
        return this.stop('refused', refusal);
      }
    }
    this.setStatus('reconnecting', undefined);
    const base = this.options.backoffBaseMs ?? 250;
    const delay = Math.min(this.options.backoffCapMs ?? 10_000, base * 2 ** this.attempt++);
    this.timers.reconnect = setTimeout(() => this.connect(), delay * (0.5 + Math.random() / 2));
  }

  private onFrame(text: string): void {
    let frame: ServerFrame;
    try {
      frame = ServerFrameSchema.parse(JSON.parse(text));
    } catch {
      return this.emit(
        'error',
        new RelayError(RelayErrorCode.MessageInvalid, 'the relay sent an invalid frame'),
      );
    }
    switch (frame.t) {
      case 'welcome':
        return this.onWelcome(frame);
      case 'ack':
        this.outbox.ackThrough(frame.seq);
        if (this.outbox.size === 0) this.flushWaiters.splice(0).forEach((wake) => wake());
        return;
      case 'fwd':
        return this.onForward(frame, text.length);
      case 'peer-joined':
        return this.setPeer('present', { role: frame.role, resumed: frame.resumed });
      case 'peer-away':
        return this.setPeer('away', { role: frame.role });
      case 'peer-left':
        return this.setPeer('absent', { role: frame.role, reason: frame.reason });
      case 'error':
        this.refusal = { code: frame.code, message: frame.message };
        return this.emit(
          'error',
          new RelayError(RelayErrorCode.ConnectionClosed, `${frame.code}: ${frame.message}`),
        );
      case 'hb':
        return;
    }
  }

  /** SESSION_FULL is retried for a while: the seat may be held by this page's dead connection. */
  private mayWaitForSeat(code: string): boolean {
    if (code !== RelayErrorCode.Full) return false;
    const now = Date.now();
    this.fullSince ??= now;
    return now - this.fullSince < (this.options.seatWaitMs ?? 0);
  }

  private onWelcome(welcome: WelcomeFrame): void {
    this.fullSince = undefined;
    this.resumeToken = welcome.resumeToken;
    this.heartbeatMs = welcome.heartbeatMs;
    if (welcome.resumed) {
      this.outbox.ackThrough(welcome.recvSeq);
    } else if (this.welcomed) {
      // The relay forgot us (grace window over): both numberings start again.
      this.lastRecv = 0;
      this.outbox.renumber();
      this.emit('reset');
    }
    this.welcomed = true;
    this.ready = true;
    this.attempt = 0;
    for (const entry of this.outbox.pending()) this.socket?.send(entry.text);
    this.setStatus('open', undefined);
    this.setPeer(welcome.peer, { role: this.peerRole });
    this.flushLatest();
  }

  private onForward(frame: ForwardFrame, bytes: number): void {
    if (frame.seq !== undefined) {
      if (frame.seq <= this.lastRecv) return this.scheduleAck(bytes);
      this.lastRecv = frame.seq;
      this.scheduleAck(bytes);
    }
    const msg = frame.msg;
    this.recvChain = this.recvChain.then(async () => {
      try {
        const message = await this.decode(msg.type, msg.sealed, msg.body);
        this.emit('message', message);
      } catch (error) {
        this.emit(
          'error',
          error instanceof RelayError
            ? error
            : new RelayError(RelayErrorCode.MessageInvalid, String(error)),
        );
      }
    });
  }

  private async decode(
    type: string,
    sealed: string | undefined,
    body: unknown,
  ): Promise<RelayMessage> {
    let json: unknown = body;
    if (this.key) {
      if (sealed === undefined)
        throw new RelayError(RelayErrorCode.DecryptFailed, 'an unsealed message was dropped');
      json = messageOf(type, await openBytes(await this.key, sealAad(this.peerRole, type), sealed));
    }
    const message = RelayMessageSchema.safeParse(json);
    if (!message.success || message.data.type !== type) {
      throw new RelayError(
        RelayErrorCode.MessageInvalid,
        `the peer sent an invalid ${type} message`,
      );
    }
    return message.data;
  }

  private scheduleAck(bytes: number): void {
    // ACK_POLICY: at 64 messages or 256 KiB at once, otherwise within 1 s of the first.
    this.unackedBytes += bytes;
    if (++this.unacked >= ACK_POLICY.messages || this.unackedBytes >= ACK_POLICY.bytes) {
      return this.sendAck();
    }
    this.timers.ack ??= setTimeout(() => this.sendAck(), ACK_POLICY.receiverDelayMs);
  }

  private sendAck(): void {
    clearTimeout(this.timers.ack);
    this.timers.ack = undefined;
    this.unacked = 0;
    this.unackedBytes = 0;
    if (this.ready) this.socket?.send(`{"t":"ack","seq":${this.lastRecv}}`);
  }

  private flushLatest(): void {
    clearTimeout(this.timers.latest);
    this.timers.latest = undefined;
    const socket = this.socket;
    if (!this.ready || !socket) return;
    for (const [slot, text] of this.latest) {
      if (socket.bufferedAmount > 256 * 1024) {
        this.timers.latest = setTimeout(() => this.flushLatest(), 25);
        return;
      }
      this.latest.delete(slot);
      socket.send(text);
    }
  }

  private armWatchdog(): void {
    clearTimeout(this.timers.watchdog);
    const socket = this.socket;
    this.timers.watchdog = setTimeout(
      () => {
        if (this.socket !== socket || !socket) return;
        // The connection went silent: drop it without waiting for a close handshake that never comes.
        const code = RelayCloseCode.HeartbeatTimeout;
        if (socket.terminate) socket.terminate();
        else socket.close(code, RelayErrorCode.HeartbeatTimeout);
        this.emit(
          'error',
          new RelayError(RelayErrorCode.HeartbeatTimeout, 'the relay went silent; reconnecting'),
        );
        void this.onClosed(code, RelayErrorCode.HeartbeatTimeout, true);
      },
      this.options.watchdogMs ?? this.heartbeatMs * 2.5,
    );
  }

  private stop(
    status: 'closed' | 'refused',
    refusal: { code: string; message: string } | undefined,
  ): void {
    this.socket = undefined;
    this.ready = false;
    for (const timer of Object.values(this.timers)) clearTimeout(timer);
    this.refusal = refusal;
    this.outbox.release();
    this.setStatus(status, refusal);
  }

  private setStatus(
    status: ClientStatus,
    detail: { code: string; message: string } | undefined,
  ): void {
    if (this.status === status) return;
    this.status = status;
    this.emit('status', status, detail);
  }

  private setPeer(state: PeerState, detail: Events['peer'][1]): void {
    this.peer = state;
    this.emit('peer', state, detail);
  }
}
