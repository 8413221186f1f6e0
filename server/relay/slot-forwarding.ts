// The forwarding between a session's two slots. Reliable frames are queued per receiver until
// acknowledged (resume replays them); latest-wins frames are coalesced per type and key while the
// receiver's bufferedAmount is high. Acks to a sender are withheld while its peer's queue is over
// the soft limit: that is the flow control, and the relay never buffers without bound.
import { RelayCloseCode, RelayErrorCode } from '../../protocol/relay-errors.js';
import { ACK_POLICY, type Role } from '../../protocol/relay-frames.js';
import type { FrameHeader } from '../../protocol/relay-frame-scan.js';
import { deliveryOf } from '../../protocol/relay-messages.js';
import { pageTag } from './relay-logger.js';
import type { RelaySessionDeps } from './relay-session-deps.js';
import { wrapForward, type RoleSlot, type TerminalLink } from './role-slot.js';

export interface RelayStats {
  relayedMessages: number;
  relayedBytes: number;
  coalesced: number;
}

const noop = (): void => {};

export class SlotForwarding {
  readonly stats: RelayStats = { relayedMessages: 0, relayedBytes: 0, coalesced: 0 };
  private readonly debug: boolean;
  private readonly now: () => number;

  constructor(
    private readonly pageId: string,
    private readonly deps: RelaySessionDeps,
    /** The other slot of the session. */
    private readonly peerOf: (role: Role) => RoleSlot,
  ) {
    this.debug = deps.log.isLevelEnabled?.('debug') ?? true;
    this.now = deps.now ?? Date.now;
  }

  /** A msg frame from `slot`'s terminal: refused, coalesced, or queued and pumped to the peer. */
  forward(
    slot: RoleSlot,
    link: TerminalLink,
    frame: Extract<FrameHeader, { t: 'msg' }>,
    bytes: Uint8Array,
  ): void {
    const peer = this.peerOf(slot.role);
    // Only the protocol's types, each in its own mode: an unknown name or a reliable type sent
    // latest-wins would otherwise give a sender as many coalescing slots as it likes.
    const delivery = deliveryOf(frame.type);
    if (delivery !== frame.mode) {
      return this.refuse(
        link,
        RelayErrorCode.MessageInvalid,
        delivery === undefined
          ? 'a message type the protocol does not know'
          : `${frame.type} travels ${delivery}, not ${frame.mode}`,
      );
    }
    if (frame.mode === 'latest') {
      const wrapped = wrapForward('{"t":"fwd","msg":', bytes);
      if (peer.link && !peer.hasPendingWrites() && peer.link.bufferedAmount < this.highWater) {
        this.write(peer, peer.link, wrapped);
      } else {
        const key = frame.key === undefined ? frame.type : `${frame.type} ${frame.key}`;
        if (peer.putLatest(key, wrapped)) this.stats.coalesced++;
        this.deps.budget?.check();
        if (peer.heldBytes > this.deps.options.queueHardBytes) this.refuseFlowControl(link);
      }
      return;
    }
    if (frame.seq <= slot.recvSeq) return; // a resend the relay already holds
    if (frame.seq !== slot.recvSeq + 1) {
      return this.refuse(link, RelayErrorCode.MessageInvalid, 'seq gap');
    }
    slot.recvSeq = frame.seq;
    peer.enqueue(bytes);
    // The stall clock starts when something waits for the peer, not when it last acked.
    if (peer.queue.length === 1) peer.progressAt = this.now();
    this.deps.budget?.check();
    // Per-message lines are built only when debug is on: this is the relay's hot path.
    if (this.debug) {
      this.deps.log.debug(
        {
          page: pageTag(this.pageId),
          from: slot.role,
          type: frame.type,
          size: bytes.length,
          seq: frame.seq,
        },
        'relayed',
      );
    }
    if (peer.heldBytes > this.deps.options.queueHardBytes) return this.refuseFlowControl(link);
    slot.ackDueMessages++;
    slot.ackDueBytes += bytes.length;
    this.scheduleAck(slot);
    this.pump(peer);
  }

  /** `slot`'s terminal acknowledged everything through `seq`. */
  acknowledged(slot: RoleSlot, link: TerminalLink, seq: number): void {
    if (seq > slot.outSeq) {
      return this.refuse(link, RelayErrorCode.MessageInvalid, 'ack ahead of seq');
    }
    slot.dropThrough(seq);
    slot.progressAt = this.now();
    const sender = this.peerOf(slot.role);
    // A sender whose ack was withheld waits for room: give it at once.
    if (sender.ackWithheld) this.scheduleAck(sender);
  }

  /**
   * Acks are cumulative, so they can wait (ACK_POLICY): to the end of the turn once 64 messages or
   * 256 KiB are unacknowledged (a fast sender never waits on its window) or the ack was withheld,
   * else within 200 ms (relayDelayMs). With thousands of quiet sessions most messages would otherwise cost an ack
   * write of their own; an ack also rides along whenever the relay writes to the terminal anyway.
   */
  private scheduleAck(slot: RoleSlot): void {
    const urgent =
      slot.ackWithheld ||
      slot.ackDueMessages >= ACK_POLICY.messages ||
      slot.ackDueBytes >= ACK_POLICY.bytes;
    if (urgent) {
      if (slot.ackNow) return;
      slot.ackNow = true;
      this.deps.defer(() => {
        slot.ackNow = false;
        this.sendAck(slot);
      });
    } else if (!slot.ackLater) {
      slot.ackLater = true;
      this.deps.delay(() => {
        slot.ackLater = false;
        this.sendAck(slot);
      });
    }
  }

  private sendAck(slot: RoleSlot): void {
    if (!slot.link || slot.recvSeq <= slot.ackedSeq) return;
    // Withholding the ack is the back-pressure: the sender stops at its window of unacked bytes.
    slot.ackWithheld = this.peerOf(slot.role).queueBytes > this.deps.options.queueSoftBytes;
    if (slot.ackWithheld) return;
    slot.ackedSeq = slot.recvSeq;
    slot.ackDueMessages = 0;
    slot.ackDueBytes = 0;
    slot.link.send(`{"t":"ack","seq":${slot.recvSeq}}`, noop);
  }

  /** Writes queued frames, then latest-wins ones, while the receiver's bufferedAmount allows. */
  pump(slot: RoleSlot): void {
    const link = slot.link;
    if (!link) return;
    while (link.bufferedAmount < this.highWater) {
      const next = slot.queue[slot.sendIndex];
      if (next) {
        slot.sendIndex++;
        this.write(slot, link, next.data);
        continue;
      }
      const latest = slot.takeLatest();
      if (latest === undefined) return;
      this.write(slot, link, latest);
    }
  }

  private write(slot: RoleSlot, link: TerminalLink, frame: Buffer): void {
    if (slot.ackedSeq < slot.recvSeq && !slot.ackWithheld) this.sendAck(slot);
    this.stats.relayedMessages++;
    this.stats.relayedBytes += frame.length;
    link.send(frame, slot.written);
  }

  /** An `error` frame, then close 4400: the terminal learns why before the connection ends. */
  private refuse(link: TerminalLink, code: RelayErrorCode, message: string): void {
    link.send(JSON.stringify({ t: 'error', code, message }), noop);
    link.close(RelayCloseCode.Invalid, code);
  }

  private refuseFlowControl(link: TerminalLink): void {
    this.refuse(
      link,
      RelayErrorCode.FlowControl,
      'the sender ignored flow control (withheld acks)',
    );
  }

  private get highWater(): number {
    return this.deps.options.highWaterBytes;
  }
}
