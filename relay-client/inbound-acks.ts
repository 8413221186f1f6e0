// The receiving half of the reliable numbering: the last seq taken (a frame resent after a resume
// comes again with a seq already seen, and is dropped) and when to acknowledge (ACK_POLICY: at 64
// messages or 256 KiB at once, otherwise within 1 s of the first unacknowledged one).
import { ACK_POLICY } from '../protocol/relay-frames.js';

export class InboundAcks {
  private last = 0;
  private unacked = 0;
  private unackedBytes = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `sendAck(seq)` tells the relay everything through `seq` arrived. */
  constructor(private readonly sendAck: (seq: number) => void) {}

  /** The last seq taken: the resume point a reconnect asks for. */
  get lastSeq(): number {
    return this.last;
  }

  /** Counts a reliable frame of `bytes` toward the next ack; false for a duplicate. */
  receive(seq: number, bytes: number): boolean {
    const fresh = seq > this.last;
    if (fresh) this.last = seq;
    this.schedule(bytes);
    return fresh;
  }

  /** The relay forgot this terminal: the peer's numbering starts again from 1. */
  restart(): void {
    this.last = 0;
  }

  /** The client stopped: no ack goes out any more. */
  cancel(): void {
    clearTimeout(this.timer);
  }

  private schedule(bytes: number): void {
    this.unackedBytes += bytes;
    if (++this.unacked >= ACK_POLICY.messages || this.unackedBytes >= ACK_POLICY.bytes) {
      return this.flush();
    }
    this.timer ??= setTimeout(() => this.flush(), ACK_POLICY.receiverDelayMs);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.unacked = 0;
    this.unackedBytes = 0;
    this.sendAck(this.last);
  }
}
