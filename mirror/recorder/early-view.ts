// The top of a page that is still loading, sent to the phone at once. rrweb records from
// DOMContentLoaded, and a heavy page is parsed long before that: a 10,000-row table takes the PC
// about 350 ms to parse and rrweb another 400 ms to serialise, while its first screens were there
// after the parser's first chunk. So while the document is loading, at each pause of the parser
// this sends a preview: the page as parsed so far, cut after a budget of nodes (the top of the
// page), as an rrweb Meta and FullSnapshot pair. The phone shows it like any snapshot; rrweb's own
// full snapshot at DOMContentLoaded replaces it. Preview ids are far above rrweb's, so an operation
// the phone sends on a preview node finds nothing on the PC rather than the wrong node.
import type { eventWithTime } from '@rrweb/types';
import { EventType } from '../../protocol/rrweb-events.js';
import { previewNode, type PreviewRules } from './preview-node.js';
import type { SerializedNode } from './window-types.js';

export interface EarlyViewOptions {
  rules: PreviewRules;
  send: (event: eventWithTime) => void;
  /** The page's own timer, kept before its scripts could replace it. */
  setTimer: (run: () => void, ms: number) => unknown;
  /** The page's requestAnimationFrame, likewise: a frame's callbacks run before its layout. */
  onFrame?: (run: () => void) => unknown;
  now: () => number;
  /** Nodes in one preview: about the first few screens of a long page. */
  budget?: number;
  /** A page that keeps growing gets a new preview at most this often (ms). */
  againAfterMs?: number;
}

export const PREVIEW_IDS_FROM = 1_000_000_000;
const DEFAULT_BUDGET = 1_000;
const DEFAULT_AGAIN_MS = 250;

/**
 * Watches the document while it loads and sends previews of it; stops by itself once the
 * document is parsed (rrweb's snapshot follows) or once a preview held the whole budget.
 */
export function startEarlyView(options: EarlyViewOptions): void {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const againAfterMs = options.againAfterMs ?? DEFAULT_AGAIN_MS;
  let lastAt = -Infinity;
  // Each pause of the parser runs either a timer task or a frame first; a frame lays out all that
  // is parsed (150 ms for 6,000 table rows) after its callbacks. So look in both, whichever comes
  // first, and the preview leaves before that layout.
  let round = 0;
  const schedule = (ms: number): void => {
    const mine = ++round;
    const run = (): void => {
      if (mine === round) check();
    };
    options.setTimer(run, ms);
    options.onFrame?.(run);
  };
  const check = (): void => {
    round++;
    if (document.readyState !== 'loading') return;
    const ready = document.body?.firstElementChild && options.now() - lastAt >= againAfterMs;
    if (ready) {
      lastAt = options.now();
      const { events, full } = previewEvents(options.rules, budget, options.now());
      for (const event of events) options.send(event);
      // The budget is spent: the next preview would show the same top of the page.
      if (full) return;
    }
    schedule(10);
  };
  schedule(0);
}

/** The Meta and FullSnapshot of the document as parsed so far; `full` when the budget ran out. */
export function previewEvents(
  rules: PreviewRules,
  budget: number,
  timestamp: number,
): { events: eventWithTime[]; full: boolean } {
  const { tree, full } = previewTree(document, rules, budget);
  // The window's outer size, not its inner size or scroll: reading those makes the browser lay out
  // everything parsed so far (134 ms for a 5,000-row table), the cost a preview must not have.
  // rrweb's own Meta at DOMContentLoaded brings the exact viewport; a loading page is at its top.
  const meta = {
    type: EventType.Meta,
    data: { href: location.href, width: outerWidth, height: outerHeight },
    timestamp,
  };
  const snapshot = {
    type: EventType.FullSnapshot,
    data: { node: tree, initialOffset: { left: 0, top: 0 } },
    timestamp,
  };
  return { events: [meta, snapshot] as unknown as eventWithTime[], full };
}

/** `root` serialised depth first until `budget` nodes are taken; what follows is left out. */
export function previewTree(
  root: Node,
  rules: PreviewRules,
  budget: number,
): { tree: SerializedNode | null; full: boolean } {
  // rrweb numbers the document 1 (a node whose document is not 1 is read as in an iframe).
  let nextId = PREVIEW_IDS_FROM;
  let left = budget;
  const walk = (node: Node): SerializedNode | null => {
    const tree = previewNode(node, node === root ? 1 : nextId++, rules);
    if (!tree) return null;
    left--;
    if (!tree.childNodes) return tree;
    for (let child = node.firstChild; child && left > 0; child = child.nextSibling) {
      const serialized = walk(child);
      if (serialized) tree.childNodes.push(serialized);
    }
    return tree;
  };
  const tree = walk(root);
  return { tree, full: left <= 0 };
}
