// One ADB stream on the device side. Plain (non delayed-ack) flow control: a WRTE may only be
// sent once the previous one was answered by OKAY, and every WRTE received gets exactly one OKAY.
import { A_CLSE, A_WRTE } from './wire.js';

export type SendMessage = (command: number, arg0: number, arg1: number, payload?: Buffer) => void;

interface PendingChunk {
  data: Buffer;
  done: () => void;
}

export class DeviceStream {
  /** Called for every WRTE from the host; the OKAY is sent once the returned promise settles. */
  onData: (chunk: Buffer) => void | Promise<void> = () => {};
  /** Called once when the stream ends, whichever side closed it. */
  onClose: () => void = () => {};

  private readonly queue: PendingChunk[] = [];
  private inFlight: PendingChunk | undefined;
  private closed = false;
  private ending = false;

  constructor(
    readonly localId: number,
    public remoteId: number,
    private readonly send: SendMessage,
    private readonly maxData: () => number,
    /** Lets the connection forget the stream, whatever the service did with onClose. */
    private readonly release: () => void,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  /** Queues data (split to the negotiated maxdata); resolves once the host acknowledged all of it. */
  write(data: Buffer | string): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (this.closed || this.ending || bytes.length === 0) return Promise.resolve();
    const max = this.maxData();
    const parts: Promise<void>[] = [];
    for (let offset = 0; offset < bytes.length; offset += max) {
      const slice = bytes.subarray(offset, offset + max);
      parts.push(new Promise<void>((done) => this.queue.push({ data: slice, done })));
    }
    this.pump();
    return Promise.all(parts).then(() => undefined);
  }

  /** Closes after every queued byte has been acknowledged (how adbd flushes a finished service). */
  async end(): Promise<void> {
    if (this.closed || this.ending) return;
    this.ending = true;
    await this.flushed();
    this.close();
  }

  /** Closes now: sends CLSE and drops whatever is still queued. */
  close(): void {
    if (this.closed) return;
    this.send(A_CLSE, this.localId, this.remoteId);
    this.markClosed();
  }

  /** The host closed the stream, or the connection went away. */
  markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    for (const chunk of this.queue.splice(0)) chunk.done();
    this.inFlight?.done();
    this.inFlight = undefined;
    this.release();
    this.onClose();
  }

  /** The host's OKAY for our last WRTE. */
  acknowledged(): void {
    const chunk = this.inFlight;
    this.inFlight = undefined;
    chunk?.done();
    this.pump();
  }

  private pump(): void {
    if (this.closed || this.inFlight || this.remoteId === 0) return;
    const next = this.queue.shift();
    if (!next) return;
    this.inFlight = next;
    this.send(A_WRTE, this.localId, this.remoteId, next.data);
  }

  private flushed(): Promise<void> {
    if (!this.inFlight && this.queue.length === 0) return Promise.resolve();
    const last = this.queue.at(-1) ?? this.inFlight;
    return new Promise((resolve) => {
      if (!last) return resolve();
      const done = last.done;
      last.done = () => {
        done();
        resolve();
      };
    });
  }
}
