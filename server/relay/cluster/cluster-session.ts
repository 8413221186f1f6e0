// One session whose two terminals may be on different nodes. Its state of record is in Redis
// (cluster-scripts.ts): seats, seqs and the frames not yet acknowledged. This node holds only its
// own terminals' links and what is on its way to them; anything in doubt (a Redis error) closes the
// link with 4503, and the terminal resumes from what Redis holds, on this node or another.
import { RelayCloseCode, RelayErrorCode } from '../../../protocol/relay-errors.js';
import {
  RELAY_PROTOCOL_VERSION,
  type Role,
  type WelcomeFrame,
} from '../../../protocol/relay-frames.js';
import type { FrameHeader } from '../../../protocol/relay-frame-scan.js';
import { deliveryOf } from '../../../protocol/relay-messages.js';
import { OVER_BUDGET_FRAME, STALL_MS, type MemoryUse } from '../memory-budget.js';
import type { JoinDecision } from '../relay-session.js';
import type { TerminalLink } from '../role-slot.js';
import type { RelayStats } from '../slot-forwarding.js';
import type { SessionRelay } from '../session-registry.js';
import { ClusterAcks } from './cluster-acks.js';
import { ClusterTerminal } from './cluster-terminal.js';
import type { ClusterContext, TerminalOwner } from './cluster-context.js';
import { SeatScripts, type Claim } from './seat-scripts.js';
import { MAX_SHARED_THROTTLE_MS, SharedRate } from './shared-rate.js';

export class ClusterSession implements SessionRelay, TerminalOwner {
  readonly stats: RelayStats = { relayedMessages: 0, relayedBytes: 0, coalesced: 0 };
  readonly createdAt: number;
  private readonly terminals: Partial<Record<Role, ClusterTerminal>> = {};
  private readonly claims: Partial<Record<Role, Claim>> = {};
  private readonly graces: Partial<Record<Role, () => void>> = {};
  private readonly seats: SeatScripts;
  private readonly acks: ClusterAcks;

  constructor(
    readonly pageId: string,
    readonly expiresAt: number,
    private readonly node: ClusterContext,
  ) {
    this.createdAt = node.now();
    this.seats = new SeatScripts(pageId, expiresAt, node);
    this.acks = new ClusterAcks(node, (terminal) =>
      this.seats.queuedToward(peerOf(terminal.role)).catch((error: unknown) => {
        this.fail(terminal);
        throw error;
      }),
    );
  }

  async decide(role: Role, resume: string | undefined, last: number | undefined) {
    const claim = await this.seats.claim(role, resume, last ?? 0);
    if (claim.decision === 'full') return 'full' satisfies JoinDecision;
    this.claims[role] = claim;
    return claim.decision;
  }

  attach(role: Role, link: TerminalLink, resumeLast: number | undefined): void {
    const claim = this.claims[role];
    this.claims[role] = undefined;
    if (!claim || claim.decision === 'full') {
      return link.close(RelayCloseCode.ServerShutdown, RelayErrorCode.Unavailable);
    }
    this.graces[role]?.();
    this.graces[role] = undefined;
    const old = this.terminals[role];
    if (old) this.drop(old, RelayCloseCode.Replaced, 'replaced by a resumed connection');
    const { options } = this.node;
    const terminal = new ClusterTerminal(
      this.pageId,
      role,
      claim.conn,
      claim.holder,
      claim.token,
      link,
      this.node.redis,
      this.stats,
      options.highWaterBytes,
      this.node.now(),
      SharedRate.of(this.pageId, role, options, this.node.redis),
    );
    terminal.recvSeq = terminal.ackedSeq = claim.recv;
    terminal.sentSeq = resumeLast ?? 0;
    this.terminals[role] = terminal;
    this.node.track(terminal, this);
    if (claim.oldHolder && claim.oldHolder !== claim.holder) this.seats.kick(claim.oldHolder);
    const welcome: WelcomeFrame = {
      t: 'welcome',
      v: RELAY_PROTOCOL_VERSION,
      role,
      resumeToken: claim.token,
      resumed: resumeLast !== undefined,
      recvSeq: claim.recv,
      peer: claim.peer,
      graceMs: options.graceMs,
      heartbeatMs: options.heartbeatMs,
    };
    terminal.control(JSON.stringify(welcome));
    terminal.catchUp();
    this.seats.takeLatest(role).then(
      (frames) => frames.forEach((frame) => terminal.deliverLatest(String(Math.random()), frame)),
      () => this.fail(terminal),
    );
  }

  receive(role: Role, link: TerminalLink, frame: FrameHeader, bytes: Uint8Array): void {
    const terminal = this.terminals[role];
    if (!terminal || terminal.link !== link) return;
    const charged = terminal.rate.charge(bytes.length);
    if (charged) this.rated(terminal, charged);
    switch (frame.t) {
      case 'msg':
        return this.forward(terminal, frame, bytes);
      case 'ack':
        terminal.progressAt = this.node.now();
        return void this.seats.ack(terminal, frame.seq).then(
          (result) => {
            if (result === -1) this.fail(terminal);
            if (result === -2) this.refuse(terminal, 'ack ahead of seq');
          },
          () => this.fail(terminal),
        );
      case 'bye':
        this.detach(role, link, true);
        return link.close(RelayCloseCode.Normal, 'bye');
      case 'hb':
        return;
    }
  }

  private forward(
    terminal: ClusterTerminal,
    frame: Extract<FrameHeader, { t: 'msg' }>,
    bytes: Uint8Array,
  ): void {
    const delivery = deliveryOf(frame.type);
    if (delivery !== frame.mode) {
      return this.refuse(
        terminal,
        delivery === undefined
          ? 'a message type the protocol does not know'
          : `${frame.type} travels ${delivery}, not ${frame.mode}`,
      );
    }
    if (frame.mode === 'latest') {
      const key = frame.key === undefined ? frame.type : `${frame.type}:${frame.key}`;
      return void this.seats.latest(terminal, key, bytes).then(
        (result) => result === -1 && this.fail(terminal),
        () => this.fail(terminal),
      );
    }
    const seq = frame.seq;
    void this.seats.append(terminal, seq, bytes).then(
      ([result, queued]) => {
        if (terminal.closed) return;
        if (result === -1) return this.fail(terminal);
        if (result === -2) return this.refuse(terminal, 'seq gap');
        if (queued > this.node.options.queueHardBytes) {
          return this.refuse(terminal, 'the sender ignored flow control (withheld acks)', true);
        }
        if (result === 1) {
          terminal.recvSeq = Math.max(terminal.recvSeq, seq);
          terminal.ackDueMessages++;
          terminal.ackDueBytes += bytes.length;
        }
        terminal.ackWithheld = queued > this.node.options.queueSoftBytes;
        this.acks.schedule(terminal);
      },
      () => this.fail(terminal),
    );
  }

  detach(role: Role, link: TerminalLink, intentional: boolean): void {
    const terminal = this.terminals[role];
    if (!terminal || terminal.link !== link) return;
    this.forget(terminal);
    if (intentional || this.node.options.graceMs === 0) {
      return void this.seats.leave(role, terminal.holder, '', 'closed').catch(() => {});
    }
    void this.seats.away(terminal).then(
      (token) => {
        if (token === null) return;
        const cancel = this.node.deps.schedule(() => {
          this.graces[role] = undefined;
          void this.seats.leave(role, '', token, 'expired').catch(() => {});
        }, this.node.options.graceMs);
        this.graces[role] = cancel;
      },
      () => {},
    );
  }

  close(code: number, reason: string): void {
    for (const terminal of this.terminalsHere()) this.drop(terminal, code, reason);
    for (const cancel of Object.values(this.graces)) cancel?.();
  }

  memoryUse(now: number): MemoryUse {
    let bytes = 0;
    let kind: MemoryUse['kind'] = 'healthy';
    for (const terminal of this.terminalsHere()) {
      const held = terminal.link.bufferedAmount + terminal.latestBytes;
      bytes += held;
      if (held > 0 && now - terminal.progressAt > STALL_MS) kind = 'stalled';
    }
    return { kind, bytes };
  }

  shed(): void {
    for (const terminal of this.terminalsHere()) terminal.control(OVER_BUDGET_FRAME);
    this.close(RelayCloseCode.OverBudget, RelayErrorCode.OverBudget);
  }

  isIdle(): boolean {
    return this.terminals.pc === undefined && this.terminals.phone === undefined;
  }

  /** Every terminal of this node here: catch up (Redis is back) or reconnect (it lost its data). */
  terminalsHere(): ClusterTerminal[] {
    const { pc, phone } = this.terminals;
    return [pc, phone].filter((terminal) => terminal !== undefined);
  }

  rated(terminal: ClusterTerminal, wait: Promise<number>): void {
    wait.then(
      (ms) => {
        if (terminal.closed || ms <= 0) return;
        if (ms > MAX_SHARED_THROTTLE_MS) {
          const message = 'too many messages or bytes per second';
          terminal.control(
            JSON.stringify({ t: 'error', code: RelayErrorCode.RateLimited, message }),
          );
          return this.drop(terminal, RelayCloseCode.Invalid, RelayErrorCode.RateLimited);
        }
        terminal.link.throttle?.(ms);
      },
      () => this.fail(terminal),
    );
  }

  /** Redis failed under this terminal: what it holds is in doubt, so it reconnects and resumes. */
  fail(terminal: ClusterTerminal): void {
    this.drop(terminal, RelayCloseCode.ServerShutdown, RelayErrorCode.Unavailable);
  }

  drop(terminal: ClusterTerminal, code: number, reason: string): void {
    if (terminal.closed) return;
    this.forget(terminal);
    terminal.link.close(code, reason);
    // Its seat is free for its comeback (a replaced terminal's seat is someone else's already).
    if (code !== RelayCloseCode.Replaced) void this.seats.away(terminal).catch(() => {});
  }

  private refuse(terminal: ClusterTerminal, message: string, flowControl = false): void {
    const code = flowControl ? RelayErrorCode.FlowControl : RelayErrorCode.MessageInvalid;
    terminal.control(JSON.stringify({ t: 'error', code, message }));
    this.drop(terminal, RelayCloseCode.Invalid, code);
  }

  private forget(terminal: ClusterTerminal): void {
    terminal.closed = true;
    // What it spent since the last batch counts too, wherever it connects next.
    void terminal.rate.flush()?.catch(() => {});
    clearTimeout(terminal.withheldPoll);
    if (this.terminals[terminal.role] === terminal) this.terminals[terminal.role] = undefined;
    this.node.untrack(terminal);
  }
}

export function peerOf(role: Role): Role {
  return role === 'pc' ? 'phone' : 'pc';
}
