// One side (pc or phone) of a session: who holds it, what it sent us, and what waits for it.
import type { Role } from '../../protocol/relay-frames.js';
import type { HeldBytes } from './memory-budget.js';
import { randomToken } from './session-secrets.js';

/** The relay's view of one connected terminal; RelayConnection implements it over `ws`. */
export interface TerminalLink {
  readonly bufferedAmount: number;
  /**
   * Sends one text frame: a string, or UTF-8 bytes the link may keep until written (never reused).
   * `onWritten` runs once the frame has left the process (or the link failed).
   */
  send(frame: string | Buffer, onWritten: () => void): void;
  close(code: number, reason: string): void;
  /** Stops reading from the terminal for `ms` (a rate budget kept elsewhere ran out). */
  throttle?(ms: number): void;
}

export interface QueuedFrame {
  /** The relay's seq toward this slot's terminal. */
  seq: number;
  /** The whole `fwd` frame as it goes on the wire. */
  data: Buffer;
}

const SLAB_MIN = 1024;
const SLAB_MAX = 64 * 1024;
/** Larger frames get a buffer of their own: a slab's waste stays a fraction of it. */
const SLAB_MAX_FRAME = 8 * 1024;
const FWD_SEQ = Buffer.from('{"t":"fwd","seq":', 'latin1');
const FWD_MSG = Buffer.from(',"msg":', 'latin1');

export type SlotState = 'empty' | 'connected' | 'away';

export class RoleSlot {
  state: SlotState = 'empty';
  link: TerminalLink | undefined;
  resumeToken = randomToken(18);
  /** Highest seq stored from this terminal (its own numbering). */
  recvSeq = 0;
  /** Highest seq of this terminal the relay has acknowledged to it. */
  ackedSeq = 0;
  /** The relay's numbering of frames toward this terminal. */
  outSeq = 0;
  /** Reliable frames for this terminal that it has not acknowledged, in seq order. */
  readonly queue: QueuedFrame[] = [];
  queueBytes = 0;
  /** Where small queued frames are cut from (see allocate), and how much of it is used. */
  private slab: Buffer | undefined;
  private slabUsed = 0;
  /** Index in `queue` of the next frame to write on the current link. */
  sendIndex = 0;
  /** Latest-wins frames waiting for room, newest per message type and coalescing key. */
  readonly latest = new Map<string, Buffer>();
  /** Bytes held in `latest`: they count against the hard limit like the queue does. */
  latestBytes = 0;
  /** An ack to this terminal is scheduled for the end of the turn, or within the ack delay. */
  ackNow = false;
  ackLater = false;
  /** Its ack waits for its peer's queue to drain (flow control). */
  ackWithheld = false;
  /** Messages and bytes stored from this terminal since the relay last acknowledged. */
  ackDueMessages = 0;
  ackDueBytes = 0;
  cancelGrace: (() => void) | undefined;
  /** Passed with every frame written to the current link (see RelaySession.attach). */
  written: () => void = () => {};
  /** When the terminal last made progress (joined, acked, or had nothing waiting): stall check. */
  progressAt = 0;

  /** `held` counts this slot's queued and latest-wins bytes into the relay's global budget. */
  constructor(
    readonly role: Role,
    private readonly held: HeldBytes = { total: 0 },
  ) {}

  /** Numbers the sender's `msg` bytes for this terminal and queues them as a `fwd` frame. */
  enqueue(msg: Uint8Array): QueuedFrame {
    const seq = ++this.outSeq;
    const digits = decimalLength(seq);
    const data = this.allocate(FWD_SEQ.length + digits + FWD_MSG.length + msg.length + 1);
    data.set(FWD_SEQ, 0);
    let at = FWD_SEQ.length + digits;
    for (let rest = seq; rest > 0; rest = Math.floor(rest / 10)) data[--at] = 0x30 + (rest % 10);
    at = FWD_SEQ.length + digits;
    data.set(FWD_MSG, at);
    data.set(msg, at + FWD_MSG.length);
    data[data.length - 1] = 0x7d;
    const frame = { seq, data };
    this.queue.push(frame);
    this.queueBytes += data.length;
    this.held.total += data.length;
    return frame;
  }

  /**
   * Room for one queued frame. A buffer of its own per frame (allocUnsafeSlow) cost more than the
   * rest of the enqueue; small frames are cut from a slab that holds this terminal's frames only,
   * so a slab is freed as the terminal's cumulative acks pass it and never pins another session's
   * memory. A slab is as large as what is queued already (1 KiB to 64 KiB), so what it holds
   * besides unacknowledged frames stays under two slabs per terminal; large frames get their own.
   */
  private allocate(size: number): Buffer {
    if (size > SLAB_MAX_FRAME) return Buffer.allocUnsafeSlow(size);
    let slab = this.slab;
    if (slab === undefined || slab.length - this.slabUsed < size) {
      const capacity = Math.max(size, Math.min(SLAB_MAX, Math.max(SLAB_MIN, this.queueBytes)));
      slab = this.slab = Buffer.allocUnsafeSlow(capacity);
      this.slabUsed = 0;
    }
    const start = this.slabUsed;
    this.slabUsed = start + size;
    return slab.subarray(start, start + size);
  }

  /** Drops every frame the terminal holds (cumulative ack); returns how many were dropped. */
  dropThrough(seq: number): number {
    let count = 0;
    let bytes = 0;
    while (count < this.queue.length && this.queue[count]!.seq <= seq) {
      bytes += this.queue[count]!.data.length;
      count++;
    }
    this.queueBytes -= bytes;
    this.held.total -= bytes;
    if (count > 0) this.queue.splice(0, count);
    // Nothing waits: let the slab go with the acknowledged frames in it.
    if (this.queue.length === 0) this.slab = undefined;
    this.sendIndex = Math.max(0, this.sendIndex - count);
    return count;
  }

  /** Holds the newest latest-wins frame under `key`; true when it replaced an older one. */
  putLatest(key: string, frame: Buffer): boolean {
    const old = this.latest.get(key);
    // Delete first so the newest goes to the end: the oldest waiting key is written first.
    if (old !== undefined) {
      this.latest.delete(key);
      this.latestBytes -= old.length;
      this.held.total -= old.length;
    }
    this.latest.set(key, frame);
    this.latestBytes += frame.length;
    this.held.total += frame.length;
    return old !== undefined;
  }

  /** Removes and returns the oldest waiting latest-wins frame. */
  takeLatest(): Buffer | undefined {
    const next = this.latest.entries().next();
    if (next.done) return undefined;
    const [key, frame] = next.value;
    this.latest.delete(key);
    this.latestBytes -= frame.length;
    this.held.total -= frame.length;
    return frame;
  }

  /** Everything the relay holds for this terminal, reliable and latest-wins. */
  get heldBytes(): number {
    return this.queueBytes + this.latestBytes;
  }

  hasPendingWrites(): boolean {
    return this.sendIndex < this.queue.length || this.latest.size > 0;
  }

  /**
   * Another terminal takes the slot of one that is away: what it sends is numbered afresh, and what
   * waits for the slot (not yet acknowledged by the old terminal) is written to the new one.
   */
  replaceTerminal(): void {
    this.resumeToken = randomToken(18);
    this.recvSeq = 0;
    this.ackedSeq = 0;
    this.resetAckState();
    this.sendIndex = 0;
    this.cancelGrace?.();
    this.cancelGrace = undefined;
  }

  private resetAckState(): void {
    this.ackWithheld = false;
    this.ackDueMessages = 0;
    this.ackDueBytes = 0;
  }

  /**
   * Drops every frame waiting for this terminal, reliable and latest-wins, and the slab they were
   * cut from: what a terminal that is gone, or that was never there, can no longer be owed.
   */
  releaseQueued(): void {
    this.held.total -= this.queueBytes + this.latestBytes;
    this.queue.length = 0;
    this.queueBytes = 0;
    this.slab = undefined;
    this.sendIndex = 0;
    this.latest.clear();
    this.latestBytes = 0;
  }

  /** Frees the slot for a new terminal: nothing of the old one survives except the numbering. */
  reset(): void {
    this.state = 'empty';
    this.link = undefined;
    this.resumeToken = randomToken(18);
    this.recvSeq = 0;
    this.ackedSeq = 0;
    this.resetAckState();
    this.releaseQueued();
    this.cancelGrace?.();
    this.cancelGrace = undefined;
  }
}

/**
 * `head` + the sender's `msg` bytes + `}`, in a buffer of its own: the frame goes out without a
 * decode and re-encode, and a small slice of Node's shared pool never pins a whole slab while it
 * waits for an ack.
 */
export function wrapForward(head: string, msg: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafeSlow(head.length + msg.length + 1);
  frame.write(head, 0, 'latin1');
  frame.set(msg, head.length);
  frame[frame.length - 1] = 0x7d;
  return frame;
}

/** Digits of a positive integer (seqs stay far below 2^53). */
function decimalLength(value: number): number {
  let digits = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
  return digits;
}
