// One accepted WebSocket: validates frames, applies the per-connection rate limits, answers to the
// heartbeat, and hands frames to its session. Implements the session's TerminalLink.
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { RelayCloseCode, RelayErrorCode } from '../../protocol/relay-errors.js';
import { RELAY_PROTOCOL_VERSION, type Role } from '../../protocol/relay-frames.js';
import { checkClientFrame } from '../../protocol/relay-frame-check.js';
import { scanClientFrame, type FrameHeader } from '../../protocol/relay-frame-scan.js';
import type { RelayOptions } from './relay-options.js';
import type { SessionRelay } from './session-registry.js';
import type { TerminalLink } from './role-slot.js';
import { TokenBucket } from './token-bucket.js';

/** A sender that would have to wait longer than this for its rate budget is cut off. */
const MAX_THROTTLE_MS = 10_000;
/** Frames are JSON text, also when handed over as bytes. */
const TEXT_FRAME = Object.freeze({ binary: false });

export class RelayConnection implements TerminalLink {
  /** Which slice of the heartbeat interval checks this connection. */
  slice = 0;
  private alive = true;
  private wroteSinceBeat = false;
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private throttled: NodeJS.Timeout | undefined;
  private corked = false;

  constructor(
    private readonly ws: WebSocket,
    private readonly session: SessionRelay,
    private readonly role: Role,
    options: RelayOptions,
    private readonly now: () => number,
  ) {
    this.messages = new TokenBucket(options.messagesPerSecond, options.messageBurst, now);
    this.bytes = new TokenBucket(options.bytesPerSecond, options.byteBurst, now);
    ws.on('message', (data, isBinary) => this.onMessage(data as Buffer, isBinary));
    ws.on('pong', () => (this.alive = true));
    ws.on('error', () => {}); // 'close' follows; the error itself says nothing the peer needs.
    ws.on('close', (code) => {
      clearTimeout(this.throttled);
      this.session.detach(this.role, this, code === 1000 || code === 1001);
    });
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  send(frame: string | Buffer, onWritten: () => void): void {
    if (this.ws.readyState !== this.ws.OPEN) return onWritten();
    this.wroteSinceBeat = true;
    this.corkUntilTickEnd();
    this.ws.send(frame, TEXT_FRAME, onWritten);
  }

  /**
   * The profile's top cost was one writev syscall per relayed frame. Frames written in the same turn
   * (one read of the sender's socket often holds several) now leave in one writev at its end.
   */
  private corkUntilTickEnd(): void {
    if (this.corked) return;
    // ws keeps its net.Socket private; without it (never on the server) frames go out one by one.
    const socket = (this.ws as unknown as { _socket?: Duplex | null })._socket;
    if (!socket) return;
    this.corked = true;
    socket.cork();
    process.nextTick(() => {
      this.corked = false;
      socket.uncork();
    });
  }

  /**
   * Stops reading: TCP pushes back on the sender until the budget refills. Frames of a read already
   * under way still arrive while paused, so each one pushes the resume further out.
   */
  throttle(ms: number): void {
    this.ws.pause();
    clearTimeout(this.throttled);
    this.throttled = setTimeout(() => this.ws.resume(), ms);
  }

  close(code: number, reason: string): void {
    if (this.ws.readyState === this.ws.OPEN) {
      this.ws.close(code, reason.slice(0, 120));
      // A peer that never answers the close handshake must not hold the socket.
      setTimeout(() => this.ws.terminate(), 5_000).unref();
    }
  }

  /**
   * Called once per heartbeat interval. A terminal that sent nothing and did not answer the last
   * ping is dead. Busy connections skip the ping, and the `hb` frame (the client's watchdog food)
   * goes only to connections the relay wrote nothing to: a heartbeat costs little under load.
   */
  heartbeat(): void {
    if (!this.alive) {
      this.ws.terminate();
      return;
    }
    this.alive = false;
    this.corkUntilTickEnd(); // the ping and the hb leave in one write
    this.ws.ping();
    if (!this.wroteSinceBeat) this.send('{"t":"hb"}', () => {});
    this.wroteSinceBeat = false;
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    // After a refusal the rest of the sender's last read must not be relayed.
    if (this.ws.readyState !== this.ws.OPEN) return;
    this.alive = true;
    const now = this.now();
    const wait = Math.max(this.messages.take(1, now), this.bytes.take(data.length, now));
    if (wait > MAX_THROTTLE_MS) {
      return this.refuse(RelayErrorCode.RateLimited, 'too many messages or bytes per second');
    }
    if (wait > 0) this.throttle(wait);
    if (isBinary) return this.refuse(RelayErrorCode.MessageInvalid, 'frames are JSON text');
    const frame = scanClientFrame(data) ?? this.parse(data);
    if (frame) this.session.receive(this.role, this, frame, data);
  }

  /** Any frame the scanner does not take: JSON.parse and the full check, or a refusal. */
  private parse(data: Buffer): FrameHeader | undefined {
    const text = data.toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.refuse(RelayErrorCode.MessageInvalid, 'a frame is not valid JSON');
    }
    const frame = checkClientFrame(json);
    if (!frame) {
      const version = (json as { v?: unknown } | null)?.v;
      if (version !== undefined && version !== RELAY_PROTOCOL_VERSION) {
        return this.refuse(
          RelayErrorCode.VersionMismatch,
          `relay protocol v${RELAY_PROTOCOL_VERSION} only`,
        );
      }
      return this.refuse(RelayErrorCode.MessageInvalid, 'a frame does not fit the relay protocol');
    }
    return frame;
  }

  private refuse(code: string, message: string): undefined {
    this.send(JSON.stringify({ t: 'error', code, message }), () => {});
    this.close(RelayCloseCode.Invalid, code);
  }
}
