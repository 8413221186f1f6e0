// Latest-wins messages (progress, scroll, pointer): only the newest frame per type and coalescing
// key waits to go out, and frames go out only while the socket is not backed up.
import type { SocketLike } from './socket-like.js';

/** Above this many bytes in the socket's own buffer, waiting frames stay here. */
const BACKED_UP_BYTES = 256 * 1024;
const RETRY_MS = 25;

export class LatestSlots {
  /** Frame text by slot; the map keeps insertion order, so the oldest waiting slot goes out first. */
  private readonly waiting = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `readySocket()` is the welcomed socket, or undefined while there is none. */
  constructor(private readonly readySocket: () => SocketLike | undefined) {}

  /** The slot of a message of `type` with coalescing key `key`. */
  static slotOf(type: string, key: string | undefined): string {
    return key === undefined ? type : `${type} ${key}`;
  }

  /** Replaces what waits in `slot` with `text`, then sends what the socket takes. */
  put(slot: string, text: string): void {
    this.waiting.delete(slot);
    this.waiting.set(slot, text);
    this.flush();
  }

  /** Sends the waiting frames in order until the socket backs up, then tries again shortly. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const socket = this.readySocket();
    if (!socket) return;
    for (const [slot, text] of this.waiting) {
      if (socket.bufferedAmount > BACKED_UP_BYTES) {
        this.timer = setTimeout(() => this.flush(), RETRY_MS);
        return;
      }
      this.waiting.delete(slot);
      socket.send(text);
    }
  }

  /** The client stopped: nothing more goes out. */
  cancel(): void {
    clearTimeout(this.timer);
  }
}
