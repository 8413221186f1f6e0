// How the replayed document sits on the phone's screen, in one of two modes:
// - fit (the default): the replayed document gets the phone's own width, so a responsive page
//   reflows to its mobile layout at a readable size. A page still wider than the phone after that
//   (a fixed-width desktop layout) is scaled to fit, never below MIN_FIT_SCALE, and scrolls
//   sideways beyond.
// - pc: the PC's viewport width, scaled down to the phone's (the PC's own layout, pinch to read).
import type { Replayer } from '@rrweb/replay';
import type { Column } from './double-tap.js';

export type MirrorMode = 'fit' | 'pc';
/** Smaller than this, text is unreadable: a wider page scrolls sideways instead. */
export const MIN_FIT_SCALE = 0.5;
/** PC layout's double tap zooms a column up to this. */
const MAX_ZOOM_SCALE = 2;

export interface StageLayout {
  /** The replayed viewport, CSS px of the replayed document. */
  width: number;
  height: number;
  /** Replayed px to phone px. */
  scale: number;
}

/** The scale that fits a document `contentWidth` wide into `room` px, within [MIN_FIT_SCALE, 1]. */
export function fitScale(room: number, contentWidth: number): number {
  if (contentWidth <= room + 1) return 1;
  return Math.max(MIN_FIT_SCALE, room / contentWidth);
}

export class StageFit {
  private pcSize = { width: 0, height: 0 };
  /** Fit mode's scale, kept between batches (a re-measure starts again at 1). */
  private fitted = 1;
  private queued = false;
  private current: StageLayout = { width: 0, height: 0, scale: 1 };
  /** PC layout zoomed to a column (double tap), or not. */
  private zoomed: Column | undefined;

  constructor(
    private readonly stage: HTMLElement,
    private readonly replayer: Replayer,
    private mode: MirrorMode,
    /** The phone px the view may be tall; undefined: the PC's aspect. */
    private readonly room: () => number | undefined,
    /** The layout changed (the width or the mode): keep the same content in view. */
    private readonly onChange: () => void = () => undefined,
  ) {}

  get layout(): StageLayout {
    return this.current;
  }

  get modeNow(): MirrorMode {
    return this.mode;
  }

  /** The PC's viewport size (rrweb's resize). */
  setPcSize(size: { width: number; height: number }): void {
    this.pcSize = size;
    this.fit(true);
  }

  setMode(mode: MirrorMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.zoomed = undefined;
    this.fit(true);
  }

  /** PC layout: zoom so the column fills the phone's width; undefined or zoomed: zoom out. */
  toggleZoom(column: Column | undefined): void {
    if (this.mode !== 'pc') return;
    this.zoomed = this.zoomed ? undefined : column;
    this.fit(false);
    const { scale } = this.current;
    const column2 = this.zoomed;
    const width = this.stage.clientWidth;
    this.stage.scrollLeft = column2
      ? column2.left * scale - (width - column2.width * scale) / 2
      : 0;
  }

  /** After new content arrived: a page may have grown wider than the phone. Once a frame. */
  fitSoon(): void {
    const view = this.stage.ownerDocument.defaultView;
    if (this.queued || !view) return;
    this.queued = true;
    view.requestAnimationFrame(() => {
      this.queued = false;
      this.fit(false);
    });
  }

  /** Lays the view out; `remeasure` starts fit mode again from the phone's width. */
  fit(remeasure: boolean): void {
    const stageWidth = this.stage.clientWidth;
    if (this.pcSize.width === 0 || stageWidth === 0) return;
    this.stage.dataset.mode = this.mode;
    const before = this.current;
    if (this.mode === 'pc') {
      const whole = Math.min(1, stageWidth / this.pcSize.width) || 1;
      const zoom = this.zoomed ? stageWidth / this.zoomed.width : whole;
      const scale = Math.min(MAX_ZOOM_SCALE, Math.max(whole, zoom));
      this.stage.style.overflowX = this.zoomed ? 'auto' : '';
      // The replayed viewport takes the phone's aspect (after rrweb sized it as the PC's).
      const room = Math.floor((this.room() ?? 0) / scale);
      this.apply({ width: this.pcSize.width, height: Math.max(this.pcSize.height, room), scale });
    } else {
      this.stage.style.overflowX = '';
      if (remeasure) this.fitted = 1;
      this.applyFit(stageWidth);
      if (this.fitted === 1) {
        const doc = this.replayer.iframe.contentDocument;
        const wide = doc ? contentWidth(doc) : 0;
        this.fitted = fitScale(stageWidth, wide);
        if (this.fitted !== 1) this.applyFit(stageWidth);
      }
    }
    const now = this.current;
    if (now.width !== before.width || now.scale !== before.scale) this.onChange();
  }

  private applyFit(stageWidth: number): void {
    const scale = this.fitted;
    const tall = this.room() ?? (stageWidth * this.pcSize.height) / this.pcSize.width;
    this.apply({
      width: Math.floor(stageWidth / scale),
      height: Math.floor(tall / scale),
      scale,
    });
  }

  private apply(layout: StageLayout): void {
    this.current = layout;
    const { iframe, wrapper } = this.replayer;
    iframe.setAttribute('width', String(layout.width));
    iframe.setAttribute('height', String(layout.height));
    wrapper.style.transform = `scale(${layout.scale})`;
    this.stage.style.height = `${Math.floor(layout.height * layout.scale)}px`;
  }
}

/** How wide the document's content is laid out (at least its viewport). */
function contentWidth(doc: Document): number {
  return Math.max(doc.documentElement?.scrollWidth ?? 0, doc.body?.scrollWidth ?? 0);
}
