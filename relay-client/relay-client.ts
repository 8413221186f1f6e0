// A terminal's end of the relay, shared by the phone page and Node tools (the WebSocket is
// injected). The parts: the connection with its backoff and watchdog (relay-connection.ts), the
// reliable numbering both ways (outbox.ts for what was sent, inbound-acks.ts for what arrived,
// resumed here on a welcome), latest-wins coalescing (latest-slots.ts) and sealing with AES-GCM
// under the key of the URL fragment (payload-codec.ts).
import { RelayError, RelayErrorCode } from '../protocol/relay-errors.js';
import { RELAY_PROTOCOL_VERSION, ServerFrameSchema } from '../protocol/relay-frames.js';
import type { ForwardFrame, Role, ServerFrame, WelcomeFrame } from '../protocol/relay-frames.js';
import {
  MESSAGE_DELIVERY,
  coalesceKeyOf,
  RelayMessageSchema,
  type RelayMessage,
} from '../protocol/relay-messages.js';
import { buildUpgradeUrl, parseSessionUrl, type SessionUrlParts } from '../protocol/session-url.js';
import { InboundAcks } from './inbound-acks.js';
import { probeJoin } from './join-probe.js';
import { LatestSlots } from './latest-slots.js';
import { Outbox } from './outbox.js';
import { PayloadCodec } from './payload-codec.js';
import { RelayConnection, type Refusal } from './relay-connection.js';
import type { SocketFactory } from './socket-like.js';
import { TypedEmitter } from './typed-emitter.js';

export type ClientStatus = 'connecting' | 'open' | 'reconnecting' | 'refused' | 'closed';
export type PeerState = 'present' | 'away' | 'absent';

export interface RelayClientOptions {
  /** The session URL, `<server>/s/<pageId>?k=<secret>#<seal key>`. */
  url: string;
  role: Role;
  createSocket: SocketFactory;
  /** Default true: a URL without `#key` is refused instead of sending plaintext. */
  requireSealing?: boolean;
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
  status: [ClientStatus, Refusal | undefined];
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
  refusal: Refusal | undefined;
  readonly parts: SessionUrlParts;
  private readonly peerRole: Role;
  private readonly codec: PayloadCodec;
  private readonly outbox: Outbox;
  private readonly inbound: InboundAcks;
  private readonly latest: LatestSlots;
  private readonly connection: RelayConnection;
  private welcomed = false;
  private resumeToken: string | undefined;
  private sendChain: Promise<void> = Promise.resolve();
  private recvChain: Promise<void> = Promise.resolve();
  private flushWaiters: Array<() => void> = [];

  constructor(private readonly options: RelayClientOptions) {
    super();
    this.parts = parseSessionUrl(options.url);
    this.peerRole = options.role === 'pc' ? 'phone' : 'pc';
    this.codec = new PayloadCodec(this.parts, options.role, options.requireSealing !== false);
    this.outbox = new Outbox(options.windowBytes ?? 4 * 1024 * 1024);
    this.connection = new RelayConnection(options, {
      upgradeUrl: () => this.upgradeUrl(),
      probe: () => this.probe(),
      frame: (text) => this.onFrame(text),
      lastRefusal: () => this.refusal,
      ended: () => this.status === 'closed' || this.status === 'refused',
      silent: (error) => this.emit('error', error),
      reconnecting: () => this.setStatus('reconnecting', undefined),
      refused: (refusal) => this.stop('refused', refusal),
    });
    this.inbound = new InboundAcks((seq) => this.connection.send(`{"t":"ack","seq":${seq}}`));
    this.latest = new LatestSlots(() => this.connection.readySocket());
  }

  start(): this {
    this.connection.open();
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
    this.connection.bye();
    this.stop('closed', undefined);
  }

  private async sendNow(message: RelayMessage): Promise<void> {
    const mode = MESSAGE_DELIVERY[message.type];
    const payload = await this.codec.payloadOf(message);
    const v = RELAY_PROTOCOL_VERSION;
    if (mode === 'latest') {
      const key = coalesceKeyOf(message);
      const frame = { v, t: 'msg', mode, type: message.type, ...(key ? { key } : {}), ...payload };
      return this.latest.put(LatestSlots.slotOf(message.type, key), JSON.stringify(frame));
    }
    await this.outbox.room();
    if (this.status === 'closed' || this.status === 'refused') {
      throw new RelayError(RelayErrorCode.ConnectionClosed, 'the relay connection is closed');
    }
    const entry = this.outbox.push((seq) =>
      JSON.stringify({ v, t: 'msg', mode, seq, type: message.type, ...payload }),
    );
    this.connection.send(entry.text);
  }

  private upgradeUrl(): string {
    return buildUpgradeUrl(this.parts.server, RELAY_PROTOCOL_VERSION, {
      pageId: this.parts.pageId,
      role: this.options.role,
      secret: this.parts.secret,
      token: this.parts.token,
      resumeToken: this.resumeToken,
      lastSeq: this.inbound.lastSeq,
    });
  }

  private probe(): Promise<Refusal | undefined> {
    return (this.options.probe ?? probeJoin)({
      server: this.parts.server,
      pageId: this.parts.pageId,
      role: this.options.role,
      secret: this.parts.secret,
      token: this.parts.token,
      resumeToken: this.resumeToken,
    });
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

  /** Resumes both numberings where the relay left them, or starts them again if it forgot us. */
  private onWelcome(welcome: WelcomeFrame): void {
    this.resumeToken = welcome.resumeToken;
    if (welcome.resumed) {
      this.outbox.ackThrough(welcome.recvSeq);
    } else if (this.welcomed) {
      // The relay forgot us (grace window over): both numberings start again.
      this.inbound.restart();
      this.outbox.renumber();
      this.emit('reset');
    }
    this.welcomed = true;
    this.connection.welcomed(welcome.heartbeatMs);
    for (const entry of this.outbox.pending()) this.connection.send(entry.text);
    this.setStatus('open', undefined);
    this.setPeer(welcome.peer, { role: this.peerRole });
    this.latest.flush();
  }

  private onForward(frame: ForwardFrame, bytes: number): void {
    if (frame.seq !== undefined && !this.inbound.receive(frame.seq, bytes)) return;
    const msg = frame.msg;
    this.recvChain = this.recvChain.then(async () => {
      try {
        const message = await this.codec.messageOf(msg.type, msg.sealed, msg.body);
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

  private stop(status: 'closed' | 'refused', refusal: Refusal | undefined): void {
    this.connection.stop();
    this.inbound.cancel();
    this.latest.cancel();
    this.refusal = refusal;
    this.outbox.release();
    this.setStatus(status, refusal);
  }

  private setStatus(status: ClientStatus, detail: Refusal | undefined): void {
    if (this.status === status) return;
    this.status = status;
    this.emit('status', status, detail);
  }

  private setPeer(state: PeerState, detail: Events['peer'][1]): void {
    this.peer = state;
    this.emit('peer', state, detail);
  }
}
