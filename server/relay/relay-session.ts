// One matched session: two role slots, who may take them (join, resume, replace, leave), and what
// the session holds for the memory budget. The forwarding between the slots is slot-forwarding.ts.
import { timingSafeEqual } from 'node:crypto';
import { RelayCloseCode, RelayErrorCode } from '../../protocol/relay-errors.js';
import {
  RELAY_PROTOCOL_VERSION,
  type Role,
  type WelcomeFrame,
} from '../../protocol/relay-frames.js';
import type { FrameHeader } from '../../protocol/relay-frame-scan.js';
import {
  OVER_BUDGET_FRAME,
  STALL_MS,
  type BudgetedSession,
  type MemoryUse,
} from './memory-budget.js';
import { pageTag } from './relay-logger.js';
import type { RelaySessionDeps } from './relay-session-deps.js';
import { RoleSlot, type TerminalLink } from './role-slot.js';
import { SlotForwarding, type RelayStats } from './slot-forwarding.js';

export type { RelaySessionDeps } from './relay-session-deps.js';
export type { RelayStats } from './slot-forwarding.js';

/** replace: the slot's terminal is away (dropped without bye) and a new one takes it over. */
export type JoinDecision = 'fresh' | 'resume' | 'replace' | 'full';

const noop = (): void => {};

export class RelaySession implements BudgetedSession {
  private readonly slots: Record<Role, RoleSlot>;
  readonly stats: RelayStats;
  readonly createdAt: number;
  private readonly now: () => number;
  private readonly forwarding: SlotForwarding;

  constructor(
    readonly pageId: string,
    private readonly deps: RelaySessionDeps,
  ) {
    this.now = deps.now ?? Date.now;
    this.createdAt = this.now();
    this.slots = { pc: new RoleSlot('pc', deps.held), phone: new RoleSlot('phone', deps.held) };
    this.forwarding = new SlotForwarding(pageId, deps, (role) => this.peerOf(role));
    this.stats = this.forwarding.stats;
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
      if (slot.link === link && slot.hasPendingWrites()) this.forwarding.pump(slot);
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
    this.forwarding.pump(slot);
    return welcome;
  }

  /** One frame from a terminal: its header (scanned or parsed) and its bytes, not kept. */
  receive(role: Role, link: TerminalLink, frame: FrameHeader, bytes: Uint8Array): void {
    const slot = this.slots[role];
    if (slot.link !== link) return;
    switch (frame.t) {
      case 'msg':
        return this.forwarding.forward(slot, link, frame, bytes);
      case 'ack':
        return this.forwarding.acknowledged(slot, link, frame.seq);
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
    for (const slot of Object.values(this.slots)) slot.link?.send(OVER_BUDGET_FRAME, noop);
    this.close(RelayCloseCode.OverBudget, RelayErrorCode.OverBudget);
    this.deps.log.info({ page: pageTag(this.pageId) }, 'session shed (memory budget)');
  }

  isIdle(): boolean {
    return this.slots.pc.state === 'empty' && this.slots.phone.state === 'empty';
  }

  private notify(slot: RoleSlot, frame: object): void {
    slot.link?.send(JSON.stringify(frame), noop);
  }

  private peerOf(role: Role): RoleSlot {
    return role === 'pc' ? this.slots.phone : this.slots.pc;
  }
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
