// The client's WebSocket to the relay, kept up: it opens one, re-arms a silence watchdog on every
// frame, and after a close either gives up on a refusal that retrying cannot fix or reconnects
// after a capped exponential backoff with jitter. What the frames mean is the client's business.
import { RelayCloseCode, RelayError, RelayErrorCode } from '../protocol/relay-errors.js';
import { PERMANENT_REFUSALS } from './join-probe.js';
import { SOCKET_OPEN, type SocketFactory, type SocketLike } from './socket-like.js';

export interface Refusal {
  code: string;
  message: string;
}

/** The options of RelayClientOptions this part reads (see there). */
export interface ConnectionOptions {
  createSocket: SocketFactory;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  watchdogMs?: number;
  seatWaitMs?: number;
}

/** What the connection asks of, and tells, the client. */
export interface ConnectionHooks {
  /** The upgrade URL of the next attempt: it carries the resume token and the last seq taken. */
  upgradeUrl(): string;
  /** Why the server would refuse a join now (a browser cannot read an upgrade's refusal). */
  probe(): Promise<Refusal | undefined>;
  frame(text: string): void;
  /** The refusal the relay's last error frame carried, if any. */
  lastRefusal(): Refusal | undefined;
  /** True once the client closed or was refused: a late close changes nothing. */
  ended(): boolean;
  silent(error: RelayError): void;
  reconnecting(): void;
  refused(refusal: Refusal): void;
}

/** Close codes that end the session for this terminal, and what to tell the user. */
const REFUSING_CLOSES: ReadonlyMap<number, Refusal> = new Map([
  [RelayCloseCode.Expired, { code: RelayErrorCode.Expired, message: 'the session has expired' }],
  [
    RelayCloseCode.Replaced,
    { code: RelayErrorCode.Full, message: 'another connection took this place' },
  ],
]);

export class RelayConnection {
  private socket: SocketLike | undefined;
  /** Welcomed by the relay: frames may go out. */
  private ready = false;
  private heartbeatMs = 15_000;
  private attempt = 0;
  /** When the relay first said the seat is taken, in this run of attempts. */
  private fullSince: number | undefined;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private reconnect: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly options: ConnectionOptions,
    private readonly hooks: ConnectionHooks,
  ) {}

  /** Opens a socket now. */
  open(): void {
    const socket = this.options.createSocket(this.hooks.upgradeUrl());
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.armWatchdog();
    };
    socket.onmessage = (event) => {
      if (this.socket !== socket) return;
      this.armWatchdog();
      this.hooks.frame(String(event.data));
    };
    socket.onclose = (event) => {
      if (this.socket === socket) void this.closed(event.code, event.reason, opened);
    };
    socket.onerror = () => {};
  }

  /** The relay welcomed this socket: frames may go out, and the next backoff starts over. */
  welcomed(heartbeatMs: number): void {
    this.fullSince = undefined;
    this.heartbeatMs = heartbeatMs;
    this.ready = true;
    this.attempt = 0;
  }

  /** The welcomed socket, or undefined between connections. */
  readySocket(): SocketLike | undefined {
    return this.ready ? this.socket : undefined;
  }

  /** Sends `text` if a welcomed socket is there; a reliable frame is resent after a resume anyway. */
  send(text: string): void {
    if (this.ready) this.socket?.send(text);
  }

  /** Says goodbye on an open socket, so the relay tells the peer at once. */
  bye(): void {
    const socket = this.socket;
    if (socket?.readyState === SOCKET_OPEN) {
      socket.send('{"t":"bye"}');
      socket.close(RelayCloseCode.Normal, 'bye');
    }
  }

  /** Lets the socket go and cancels the watchdog and any reconnect. */
  stop(): void {
    this.socket = undefined;
    this.ready = false;
    clearTimeout(this.watchdog);
    clearTimeout(this.reconnect);
  }

  private async closed(code: number, reason: string, opened: boolean): Promise<void> {
    this.socket = undefined;
    this.ready = false;
    clearTimeout(this.watchdog);
    if (this.hooks.ended()) return;
    const closeRefusal = REFUSING_CLOSES.get(code);
    if (closeRefusal) return this.hooks.refused({ ...closeRefusal });
    const lastRefusal = this.hooks.lastRefusal();
    if (lastRefusal && PERMANENT_REFUSALS.has(lastRefusal.code))
      return this.hooks.refused(lastRefusal);
    if (!opened || reason.startsWith(RelayErrorCode.VersionMismatch)) {
      const refusal = await this.hooks.probe();
      if (refusal && PERMANENT_REFUSALS.has(refusal.code) && !this.mayWaitForSeat(refusal.code)) {
        return this.hooks.refused(refusal);
      }
    }
    this.hooks.reconnecting();
    const base = this.options.backoffBaseMs ?? 250;
    const delay = Math.min(this.options.backoffCapMs ?? 10_000, base * 2 ** this.attempt++);
    this.reconnect = setTimeout(() => this.open(), delay * (0.5 + Math.random() / 2));
  }

  /** SESSION_FULL is retried for a while: the seat may be held by this page's dead connection. */
  private mayWaitForSeat(code: string): boolean {
    if (code !== RelayErrorCode.Full) return false;
    const now = Date.now();
    this.fullSince ??= now;
    return now - this.fullSince < (this.options.seatWaitMs ?? 0);
  }

  private armWatchdog(): void {
    clearTimeout(this.watchdog);
    const socket = this.socket;
    this.watchdog = setTimeout(
      () => {
        if (this.socket !== socket || !socket) return;
        // The connection went silent: drop it without waiting for a close handshake that never comes.
        const code = RelayCloseCode.HeartbeatTimeout;
        if (socket.terminate) socket.terminate();
        else socket.close(code, RelayErrorCode.HeartbeatTimeout);
        this.hooks.silent(
          new RelayError(RelayErrorCode.HeartbeatTimeout, 'the relay went silent; reconnecting'),
        );
        void this.closed(code, RelayErrorCode.HeartbeatTimeout, true);
      },
      this.options.watchdogMs ?? this.heartbeatMs * 2.5,
    );
  }
}
