// Scrolling by content, not pixels: the PC page and the phone's copy may be laid out at different
// widths (fit-to-phone), so a pixel offset means different things on each side. A viewport's
// position is told instead as the element at its top (the recorder's node id, the same on both
// sides) and how far down that element the top edge is; each side scrolls to the same element.

/** The tag of the recorder's custom event that carries the PC's anchor. */
export const ANCHOR_EVENT_TAG = 'tandem.anchor';

export interface ScrollAnchor {
  /** The recorder's id of the element at the top of the viewport. */
  id: number;
  /** How far down the element (0 its top, 1 its bottom) the sampled point lies. */
  fraction: number;
  /** The viewport y (CSS px of that document) of the sampled point. */
  at: number;
}

/** Across the width: a column layout may leave a gap at the centre. */
const SAMPLE_X = [0.5, 0.3, 0.7, 0.1, 0.9];
/** Down the viewport, for when a fixed header covers the top. */
const SAMPLE_Y = [2, 0.15, 0.3];

/**
 * The element at the top of `doc`'s viewport: the smallest one found at a few points along the
 * top edge (the most precise place), never a fixed or sticky one (it does not move with the page).
 */
export function anchorAtTop(doc: Document, idOf: (node: Node) => number): ScrollAnchor | undefined {
  const root = doc.documentElement;
  const width = root.clientWidth;
  const height = root.clientHeight;
  for (const y of SAMPLE_Y) {
    const at = y < 1 ? Math.round(height * y) : y;
    let best: { element: Element; rect: DOMRect } | undefined;
    for (const x of SAMPLE_X) {
      const element = doc.elementFromPoint(Math.round(width * x), at);
      if (!element || element === root || element === doc.body || pinned(element)) continue;
      const rect = element.getBoundingClientRect();
      if (rect.height <= 0 || idOf(element) <= 0) continue;
      if (!best || rect.height < best.rect.height) best = { element, rect };
    }
    if (best) {
      const fraction = (at - best.rect.top) / best.rect.height;
      return { id: idOf(best.element), fraction: round(fraction), at };
    }
  }
  return undefined;
}

/** The document scroll top (CSS px) that puts the anchor's point at its viewport y. */
export function anchorScrollTop(element: Element, anchor: ScrollAnchor): number {
  const win = element.ownerDocument.defaultView;
  const rect = element.getBoundingClientRect();
  const top = (win?.scrollY ?? 0) + rect.top + anchor.fraction * rect.height - anchor.at;
  return Math.max(0, Math.round(top));
}

function pinned(element: Element): boolean {
  const win = element.ownerDocument.defaultView;
  for (let node: Element | null = element; node; node = node.parentElement) {
    const position = win?.getComputedStyle(node).position;
    if (position === 'fixed' || position === 'sticky') return true;
  }
  return false;
}

const round = (value: number): number => Math.round(value * 10_000) / 10_000;
