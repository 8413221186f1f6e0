// Scroll both ways between the PC and the phone's copy. In PC layout both sides have the same
// layout, so positions go as pixels. Fitted to the phone, the layouts differ: the PC's position
// arrives as an anchor (the element at its top, mirror/ops/scroll-anchor.ts) and the phone scrolls
// to that element; the phone's own scrolling goes back as the element at its top.
import type { playerConfig, Replayer } from '@rrweb/replay';
import type { eventWithTime } from '@rrweb/types';
import {
  ANCHOR_EVENT_TAG,
  anchorAtTop,
  anchorScrollTop,
  type ScrollAnchor,
} from '../ops/scroll-anchor.js';
import { EventType, IncrementalSource, isIncrementalFrom } from '../../protocol/rrweb-events.js';
import type { MirrorMode } from './stage-fit.js';

type ReplayPlugin = NonNullable<playerConfig['plugins']>[number];

/** A replayed glide whose scroll events pause this long is over (or was cut short). */
const GLIDE_QUIET_MS = 400;

export interface ScrollSink {
  /** The person scrolled the phone's copy (follow mode): the anchor is set when fitted. */
  scroll(x: number, y: number, anchor?: ScrollAnchor): void;
  /** The person scrolled the phone's copy's document to `y`, following or not (never the PC). */
  scrolled?(y: number): void;
}

type ScrollData = { source?: number; id?: number; x?: number; y?: number };

export class ScrollFollow {
  follow = false;
  // Where the PC's own scrolling last put the page: replaying it is not the person scrolling, so
  // follow mode does not echo it back to the PC. Nor the positions on the way there (rrweb's glide
  // may have begun before the jump), or where a phone view taller than the PC's stops short of
  // it: until the replayed scroll has been still a while, scroll events are not the person's.
  private replayedScroll: { id: number; x: number; y: number } | undefined;
  private glidingUntil = 0;
  /** The PC's last anchor and its last document scroll position (pixels). */
  private anchor: ScrollAnchor | undefined;
  private pcScroll = { x: 0, y: 0 };
  private documentId = -1;

  constructor(
    private readonly sink: ScrollSink,
    private readonly mode: () => MirrorMode,
  ) {}

  /**
   * Every event, before the replayer has it: a PC scroll is expected. False: keep it from the
   * replayer (fitted, the PC's document position in pixels means another place here; its anchor
   * moves the phone instead).
   */
  admit(event: eventWithTime): boolean {
    if (event.type === EventType.FullSnapshot) {
      this.documentId = (event.data as { node?: { id?: number } }).node?.id ?? -1;
    }
    const data = event.data as ScrollData;
    if (!isIncrementalFrom(event, IncrementalSource.Scroll) || typeof data.id !== 'number') {
      return true;
    }
    if (data.id === this.documentId) {
      this.pcScroll = { x: data.x ?? 0, y: data.y ?? 0 };
      if (this.mode() === 'fit') return false;
    }
    this.expect(data.id, data.x ?? 0, data.y ?? 0);
    return true;
  }

  /**
   * Runs right after rrweb applied each event. rrweb glides to a replayed scroll position (smooth
   * scrolling), which shows it some 70 ms late; the PC's positions come sampled, so jump. Fitted,
   * the document's position comes from the PC's anchor instead of its pixels.
   */
  readonly plugin: ReplayPlugin = {
    handler: (event, isSync, { replayer }) => {
      if (event.type === EventType.FullSnapshot) {
        this.anchor = undefined;
        return;
      }
      if (event.type === EventType.Custom) {
        const custom = event.data as { tag?: string; payload?: ScrollAnchor };
        if (custom.tag !== ANCHOR_EVENT_TAG || !custom.payload) return;
        this.anchor = custom.payload;
        if (!isSync && this.mode() === 'fit') this.toAnchor(replayer);
        return;
      }
      const data = event.data as ScrollData;
      if (isSync || !isIncrementalFrom(event, IncrementalSource.Scroll) || data.id === undefined) {
        return;
      }
      const target = replayer.getMirror().getNode(data.id);
      const options: ScrollToOptions = { top: data.y ?? 0, left: data.x ?? 0, behavior: 'instant' };
      // Nodes of the replayed document's realm: told apart by nodeType, not instanceof.
      if (target?.nodeType === Node.DOCUMENT_NODE) {
        (target as Document).defaultView?.scrollTo(options);
      } else if (target?.nodeType === Node.ELEMENT_NODE) (target as Element).scrollTo?.(options);
    },
  };

  /** The layout or the mode changed: show the PC's place again. */
  restore(replayer: Replayer): void {
    // Fitted, only the anchor tells the place (it follows each snapshot at once).
    if (this.mode() === 'fit') return this.toAnchor(replayer);
    const win = replayer.iframe.contentWindow;
    if (win && this.documentId >= 0) this.jump(win, this.pcScroll.x, this.pcScroll.y);
  }

  /**
   * The replayed document's scroll events: the person's own are told to `scrolled` and, in follow
   * mode, go to the PC; the PC's own (replayed) are neither.
   */
  listen(replayed: Document, idOf: (node: Node) => number): void {
    replayed.addEventListener(
      'scroll',
      () => {
        const win = replayed.defaultView;
        if (!win) return;
        const replaying = this.replayedScroll?.id === idOf(replayed);
        const arrived =
          replaying &&
          Math.abs((this.replayedScroll?.x ?? 0) - win.scrollX) < 1 &&
          Math.abs((this.replayedScroll?.y ?? 0) - win.scrollY) < 1;
        if (arrived) {
          this.glidingUntil = 0;
          return;
        }
        if (replaying && Date.now() < this.glidingUntil) {
          this.glidingUntil = Date.now() + GLIDE_QUIET_MS;
          return;
        }
        this.sink.scrolled?.(win.scrollY);
        if (!this.follow) return;
        const anchor = this.mode() === 'fit' ? anchorAtTop(replayed, idOf) : undefined;
        this.sink.scroll(win.scrollX, win.scrollY, anchor);
      },
      { passive: true },
    );
  }

  private expect(id: number, x: number, y: number): void {
    this.replayedScroll = { id, x, y };
    this.glidingUntil = Date.now() + GLIDE_QUIET_MS;
  }

  /** Scrolls the phone's copy so the PC's anchor element sits at the top as on the PC. */
  private toAnchor(replayer: Replayer): void {
    const anchor = this.anchor;
    const node = anchor && replayer.getMirror().getNode(anchor.id);
    const win = replayer.iframe.contentWindow;
    if (!anchor || !win || node?.nodeType !== Node.ELEMENT_NODE) return;
    this.jump(win, win.scrollX, anchorScrollTop(node as Element, anchor));
  }

  private jump(win: Window, x: number, y: number): void {
    this.expect(this.documentId, x, y);
    win.scrollTo({ left: x, top: y, behavior: 'instant' });
    // Where the page can stop (a short page ends above the target): what the listener will see.
    this.expect(this.documentId, win.scrollX, win.scrollY);
  }
}
