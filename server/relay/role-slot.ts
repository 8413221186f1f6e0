// One side (pc or phone) of a session: who holds it, what it sent us, and what waits for it.
import type { Role } from '../../protocol/relay-frames.js';
import { randomToken } from './session-secrets.js';

/** The relay's view of one connected terminal; RelayConnection implements it over `ws`. */
export interface TerminalLink {
  readonly bufferedAmount: number;
  /** `onWritten` runs once the frame has left the process (or the link failed). */
  send(text: string, onWritten: () => void): void;
  close(code: number, reason: string): void;
}

export interface QueuedFrame {
  /** The relay's seq toward this slot's terminal. */
  seq: number;
  text: string;
  bytes: number;
}

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
  /** Index in `queue` of the next frame to write on the current link. */
  sendIndex = 0;
  /** Latest-wins frames waiting for room, newest per message type and coalescing key. */
  readonly latest = new Map<string, string>();
  /** Bytes held in `latest`: they count against the hard limit like the queue does. */
  latestBytes = 0;
  ackPending = false;
  cancelGrace: (() => void) | undefined;

  constructor(readonly role: Role) {}

  enqueue(wrap: (seq: number) => string): QueuedFrame {
    const seq = ++this.outSeq;
    const text = wrap(seq);
    const frame = { seq, text, bytes: text.length };
    this.queue.push(frame);
    this.queueBytes += frame.bytes;
    return frame;
  }

  /** Drops every frame the terminal holds (cumulative ack); returns how many were dropped. */
  dropThrough(seq: number): number {
    let count = 0;
    while (count < this.queue.length && this.queue[count]!.seq <= seq) {
      this.queueBytes -= this.queue[count]!.bytes;
      count++;
    }
    if (count > 0) this.queue.splice(0, count);
    this.sendIndex = Math.max(0, this.sendIndex - count);
    return count;
  }

  /** Holds the newest latest-wins frame under `key`; true when it replaced an older one. */
  putLatest(key: string, text: string): boolean {
    const old = this.latest.get(key);
    // Delete first so the newest goes to the end: the oldest waiting key is written first.
    if (old !== undefined) {
      this.latest.delete(key);
      this.latestBytes -= old.length;
    }
    this.latest.set(key, text);
    this.latestBytes += text.length;
    return old !== undefined;
  }

  /** Removes and returns the oldest waiting latest-wins frame. */
  takeLatest(): string | undefined {
    const next = this.latest.entries().next();
    if (next.done) return undefined;
    const [key, text] = next.value;
    this.latest.delete(key);
    this.latestBytes -= text.length;
    return text;
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
    this.sendIndex = 0;
    this.cancelGrace?.();
    this.cancelGrace = undefined;
  }

  /** Frees the slot for a new terminal: nothing of the old one survives except the numbering. */
  reset(): void {
    this.state = 'empty';
    this.link = undefined;
    this.resumeToken = randomToken(18);
    this.recvSeq = 0;
    this.ackedSeq = 0;
    this.queue.length = 0;
    this.queueBytes = 0;
    this.sendIndex = 0;
    this.latest.clear();
    this.latestBytes = 0;
    this.cancelGrace?.();
    this.cancelGrace = undefined;
  }
}
