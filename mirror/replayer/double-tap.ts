// PC layout's double tap: zoom to the column tapped (its width fills the phone), and back. A
// single tap waits out the double-tap window before it goes to the PC, as a zoomable page in a
// phone's browser does; fitted to the phone there is no zoom and no wait.

/** Two taps closer than this (ms, CSS px of the phone) are a double tap. */
const DOUBLE_TAP_MS = 280;
const DOUBLE_TAP_PX = 30;

export interface Column {
  /** Left edge and width, CSS px of the replayed document. */
  left: number;
  width: number;
}

export class TapGate {
  private pending:
    { at: number; x: number; y: number; timer: ReturnType<typeof setTimeout> } | undefined;

  constructor(
    private readonly zoomable: () => boolean,
    private readonly tap: (id: number) => void,
    private readonly doubleTap: (target: Element) => void,
  ) {}

  /** A click on the replayed element `target` (mirror id `id`) at phone point x, y. */
  click(target: Element, id: number, x: number, y: number): void {
    if (!this.zoomable()) {
      if (id > 0) this.tap(id);
      return;
    }
    const last = this.pending;
    if (
      last &&
      Date.now() - last.at < DOUBLE_TAP_MS &&
      Math.hypot(x - last.x, y - last.y) < DOUBLE_TAP_PX
    ) {
      clearTimeout(last.timer);
      this.pending = undefined;
      this.doubleTap(target);
      return;
    }
    if (last) clearTimeout(last.timer);
    const timer = setTimeout(() => {
      this.pending = undefined;
      if (id > 0) this.tap(id);
    }, DOUBLE_TAP_MS);
    this.pending = { at: Date.now(), x, y, timer };
  }

  cancel(): void {
    if (this.pending) clearTimeout(this.pending.timer);
    this.pending = undefined;
  }
}

/**
 * The column around `element`: its nearest block ancestor narrower than most of the page and at
 * least a phone's half wide (a paragraph's column, a sidebar), or undefined.
 */
export function columnOf(element: Element): Column | undefined {
  const doc = element.ownerDocument;
  const pageWidth = doc.documentElement.scrollWidth;
  const scrollX = doc.defaultView?.scrollX ?? 0;
  for (let node: Element | null = element; node && node !== doc.body; node = node.parentElement) {
    const rect = node.getBoundingClientRect();
    if (rect.width >= 200 && rect.width <= pageWidth * 0.85) {
      return { left: rect.left + scrollX, width: rect.width };
    }
  }
  return undefined;
}
