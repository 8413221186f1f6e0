// Which frame of each tab the preload was injected into, and its origin then: main accepts a
// mirror message only from that frame, still on that exact origin, on a channel of the fixed set.
import { isSameOrigin, originOf } from '../security/origin.js';

/** The page functions a tab's preload may expose: the mirror's, and nothing a page names. */
export const PAGE_CHANNELS: readonly string[] = ['__tandemMirrorEmit'];

/** A frame as IPC events describe it (Electron's WebFrameMain). */
export interface FrameRef {
  readonly processId: number;
  readonly routingId: number;
  readonly url: string;
}

interface Injected {
  processId: number;
  routingId: number;
  origin: string;
}

export class InjectedFrames {
  private readonly byTab = new Map<string, Injected>();

  /** The preload of `tabId` asked for its setup from `frame`: that frame is now the tab's. */
  record(tabId: string, frame: FrameRef): boolean {
    const origin = originOf(frame.url);
    if (origin === undefined) {
      this.byTab.delete(tabId);
      return false;
    }
    this.byTab.set(tabId, { processId: frame.processId, routingId: frame.routingId, origin });
    return true;
  }

  /** True only for the injected frame, on the origin it had, sending on a page channel. */
  accepts(tabId: string, frame: FrameRef | null | undefined, channel: unknown): boolean {
    const injected = this.byTab.get(tabId);
    if (!injected || !frame || typeof channel !== 'string') return false;
    if (!PAGE_CHANNELS.includes(channel)) return false;
    if (frame.processId !== injected.processId || frame.routingId !== injected.routingId) {
      return false;
    }
    return isSameOrigin(frame.url, injected.origin);
  }

  forget(tabId: string): void {
    this.byTab.delete(tabId);
  }
}
