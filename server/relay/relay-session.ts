// One matched session: two role slots and the forwarding between them. Reliable frames are queued
// per receiver until acknowledged (resume replays them); latest-wins frames are coalesced per type
// and key while the receiver's bufferedAmount is high. Acks to a sender are withheld while its peer's queue
// is over the soft limit: that is the flow control, and the relay never buffers without bound.
import { timingSafeEqual } from 'node:crypto';
import { RelayCloseCode, RelayErrorCode } from '../../protocol/relay-errors.js';
import {
  ACK_POLICY,
  RELAY_PROTOCOL_VERSION,
  type Role,
  type WelcomeFrame,
} from '../../protocol/relay-frames.js';
import type { FrameHeader } from '../../protocol/relay-frame-scan.js';
import { deliveryOf } from '../../protocol/relay-messages.js';
import type { RelayOptions } from './relay-options.js';
import { STALL_MS, type BudgetedSession, type HeldBytes, type MemoryUse } from './memory-budget.js';
import { pageTag, type RelayLogger } from './relay-logger.js';
import { RoleSlot, wrapForward, type TerminalLink } from './role-slot.js';

export interface RelaySessionDeps {
  options: RelayOptions;
  log: RelayLogger;
  /** Runs `fn` after `ms`; returns a cancel function. Injected so unit tests control time. */
  schedule: (fn: () => void, ms: number) => () => void;
  /** Runs `fn` at the end of this turn: acks that must not wait. */
  defer: (fn: () => void) => void;
  /** Runs `fn` after ACK_POLICY.relayDelayMs, with every other delayed ack on one timer. */
  delay: (fn: () => void) => void;
  now?: () => number;
  /** The relay-wide count of queued bytes, and the budget told each time it grows. */
  held?: HeldBytes;
  budget?: { check(): void };
}

/** replace: the slot's terminal is away (dropped without bye) and a new one takes it over. */
export type JoinDecision = 'fresh' | 'resume' | 'replace' | 'full';

export interface RelayStats {
  relayedMessages: number;
  relayedBytes: number;
  coalesced: number;
}

const noop = (): void => {};

export class RelaySession implements BudgetedSession {
  private readonly slots: Record<Role, RoleSlot>;
  readonly stats: RelayStats = { relayedMessages: 0, relayedBytes: 0, coalesced: 0 };
  readonly createdAt: number;
  private readonly debug: boolean;
  private readonly now: () => number;

  constructor(
    readonly pageId: string,
    private readonly deps: RelaySessionDeps,
  ) {
    this.debug = deps.log.isLevelEnabled?.('debug') ?? true;
    this.now = deps.now ?? Date.now;
    this.createdAt = this.now();
    this.slots = { pc: new RoleSlot('pc', deps.held), phone: new RoleSlot('phone', deps.held) };
  }

  /**
   * Whether a terminal may take `role` now. A valid resume token wins over a live holder; a fresh
   * join takes over a slot whose terminal is away (a reloaded page has no resume token, and its old
   * connection may have dropped without bye). Only a live holder refuses a newcomer.
   */
  decide(role: Role, resumeToken: string | undefined): JoinDecision {
    const slot = this.slots[role];
    if (
      slot.state !== 'empty' &&
      resumeToken !== undefined &&
      sameToken(resumeToken, slot.resumeToken)
    ) {
      return 'resume';
    }
    if (slot.state === 'empty') return 'fresh';
    return slot.state === 'away' ? 'replace' : 'full';
  }

  /** Seats an accepted terminal; `resumeLast` is the last relay seq it received when resuming. */
  attach(role: Role, link: TerminalLink, resumeLast: number | undefined): WelcomeFrame {
    const slot = this.slots[role];
    const peer = this.peerOf(role);
    const resumed = resumeLast !== undefined;
    if (resumed) {
      const old = slot.link;
      slot.link = undefined;
      old?.close(RelayCloseCode.Replaced, 'replaced by a resumed connection');
      slot.cancelGrace?.();
      slot.cancelGrace = undefined;
      slot.dropThrough(resumeLast);
      slot.sendIndex = 0;
    } else if (slot.state === 'away') {
      // A new terminal (a reloaded page) replaces the one that dropped; the peer sees it join
      // with resumed: false and starts it afresh (the PC sends a new snapshot).
      slot.replaceTerminal();
      this.deps.log.info({ page: pageTag(this.pageId), role }, 'away terminal replaced');
    }
    slot.state = 'connected';
    slot.link = link;
    slot.progressAt = this.now();
    // One callback per connection, not one per frame: writes resume once the socket drains.
    slot.written = () => {
      if (slot.link === link && slot.hasPendingWrites()) this.pump(slot);
    };
    const welcome: WelcomeFrame = {
      t: 'welcome',
      v: RELAY_PROTOCOL_VERSION,
      role,
      resumeToken: slot.resumeToken,
      resumed,
      recvSeq: slot.recvSeq,
      peer: peer.state === 'connected' ? 'present' : peer.state === 'empty' ? 'absent' : 'away',
      graceMs: this.deps.options.graceMs,
      heartbeatMs: this.deps.options.heartbeatMs,
    };
    link.send(JSON.stringify(welcome), noop);
    this.notify(peer, { t: 'peer-joined', role, resumed });
    this.deps.log.info({ page: pageTag(this.pageId), role, resumed }, 'terminal joined');
    this.pump(slot);
    return welcome;
  }

  /** One frame from a terminal: its header (scanned or parsed) and its bytes, not kept. */
  receive(role: Role, link: TerminalLink, frame: FrameHeader, bytes: Uint8Array): void {
    const slot = this.slots[role];
    if (slot.link !== link) return;
    switch (frame.t) {
      case 'msg':
        return this.forward(slot, link, frame, bytes);
      case 'ack':
        return this.acknowledged(slot, link, frame.seq);
      case 'bye':
        this.detach(role, link, true);
        return link.close(RelayCloseCode.Normal, 'bye');
      case 'hb':
        return;
    }
  }

  /** The terminal's connection ended; `intentional` (bye, close 1000/1001) frees the slot at once. */
  detach(role: Role, link: TerminalLink, intentional: boolean): void {
    const slot = this.slots[role];
    if (slot.link !== link) return;
    slot.link = undefined;
    const peer = this.peerOf(role);
    if (intentional || this.deps.options.graceMs === 0) {
      this.leave(slot, peer);
      this.notify(peer, { t: 'peer-left', role, reason: 'closed' });
      this.deps.log.info({ page: pageTag(this.pageId), role }, 'terminal left');
      return;
    }
    slot.state = 'away';
    this.notify(peer, { t: 'peer-away', role });
    this.deps.log.info({ page: pageTag(this.pageId), role }, 'terminal away');
    slot.cancelGrace = this.deps.schedule(() => {
      this.leave(slot, peer);
      this.notify(peer, { t: 'peer-left', role, reason: 'expired' });
      this.deps.log.info({ page: pageTag(this.pageId), role }, 'terminal did not come back');
    }, this.deps.options.graceMs);
  }

  /** Ends the session (expiry, shutdown): both terminals are closed with `code`. */
  close(code: number, reason: string): void {
    for (const slot of Object.values(this.slots)) {
      const link = slot.link;
      slot.reset();
      link?.close(code, reason);
    }
  }

  /**
   * A terminal is gone for good. What it sent that waits for a peer that never joined (or left too)
   * goes with it: nobody can receive it, and a new terminal starts its peer afresh. Kept, it pinned
   * up to the hard limit per session (~47 MB resident) until the session expired hours later.
   */
  private leave(slot: RoleSlot, peer: RoleSlot): void {
    slot.reset();
    if (peer.state === 'empty') peer.releaseQueued();
  }

  /** What the session holds for the budget, and whether it may be shed (see MemoryKind). */
  memoryUse(now: number): MemoryUse {
    let bytes = 0;
    let kind: MemoryUse['kind'] = 'healthy';
    for (const slot of Object.values(this.slots)) {
      const buffered = slot.link?.bufferedAmount ?? 0;
      const held = slot.heldBytes;
      bytes += held + buffered;
      if (held + buffered === 0) continue;
      if (slot.state !== 'connected') kind = 'absent';
      else if (kind === 'healthy' && now - slot.progressAt > STALL_MS) kind = 'stalled';
    }
    return { kind, bytes };
  }

  /** Over the relay's memory budget: both terminals learn why (error frame, close 4507). */
  shed(): void {
    const frame = JSON.stringify({
      t: 'error',
      code: RelayErrorCode.OverBudget,
      message: 'the relay is over its memory budget and ended this session',
    });
    for (const slot of Object.values(this.slots)) slot.link?.send(frame, noop);
    this.close(RelayCloseCode.OverBudget, RelayErrorCode.OverBudget);
    this.deps.log.info({ page: pageTag(this.pageId) }, 'session shed (memory budget)');
  }

  isIdle(): boolean {
    return this.slots.pc.state === 'empty' && this.slots.phone.state === 'empty';
  }

  private forward(
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

  private acknowledged(slot: RoleSlot, link: TerminalLink, seq: number): void {
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
  private pump(slot: RoleSlot): void {
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

  private notify(slot: RoleSlot, frame: object): void {
    slot.link?.send(JSON.stringify(frame), noop);
  }

  private peerOf(role: Role): RoleSlot {
    return role === 'pc' ? this.slots.phone : this.slots.pc;
  }

  private get highWater(): number {
    return this.deps.options.highWaterBytes;
  }
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
