// Find in page without touching the page's DOM: matches are Ranges painted with the CSS Custom
// Highlight API, so the recorder sees no mutation. The same code runs in the PC page and in the
// phone's replayer document: both see the same text, so both count and highlight the same matches.

export interface FindResult {
  /** How many matches; 0 when nothing matched or the find was cleared. */
  count: number;
  /** The current match, 1-based; 0 when there is none. */
  index: number;
}

export interface Finder {
  query(text: string, caseSensitive?: boolean): FindResult;
  next(): FindResult;
  previous(): FindResult;
  clear(): FindResult;
}

export const FIND_HIGHLIGHT = 'tandem-find';
export const FIND_CURRENT_HIGHLIGHT = 'tandem-find-current';
const STYLE_ID = 'tandem-find-style';
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD']);

interface HighlightRegistry {
  set(name: string, value: unknown): void;
  delete(name: string): void;
}

export function createFinder(doc: Document): Finder {
  let matches: Range[] = [];
  let current = -1;
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  const registry = (view?.CSS as unknown as { highlights?: HighlightRegistry } | undefined)
    ?.highlights;
  const HighlightCtor = (view as unknown as { Highlight?: new (...r: Range[]) => unknown } | null)
    ?.Highlight;

  const paint = (): FindResult => {
    if (registry && HighlightCtor) {
      ensureStyle(doc);
      registry.set(FIND_HIGHLIGHT, new HighlightCtor(...matches));
      const at = matches[current];
      if (at) registry.set(FIND_CURRENT_HIGHLIGHT, new HighlightCtor(at));
      else registry.delete(FIND_CURRENT_HIGHLIGHT);
    }
    const at = matches[current];
    const element = at?.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', inline: 'nearest' });
    return { count: matches.length, index: at ? current + 1 : 0 };
  };

  return {
    query(text, caseSensitive = false) {
      matches = text ? findRanges(doc, text, caseSensitive) : [];
      current = matches.length > 0 ? 0 : -1;
      return paint();
    },
    next() {
      if (matches.length > 0) current = (current + 1) % matches.length;
      return paint();
    },
    previous() {
      if (matches.length > 0) current = (current - 1 + matches.length) % matches.length;
      return paint();
    },
    clear() {
      matches = [];
      current = -1;
      registry?.delete(FIND_HIGHLIGHT);
      registry?.delete(FIND_CURRENT_HIGHLIGHT);
      return { count: 0, index: 0 };
    },
  };
}

/** Every occurrence of `text` inside one text node of the document's visible text. */
export function findRanges(doc: Document, text: string, caseSensitive: boolean): Range[] {
  const needle = caseSensitive ? text : text.toLowerCase();
  const ranges: Range[] = [];
  if (!doc.body) return ranges;
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && SKIPPED.has(node.parentElement.tagName)) continue;
    const haystack = caseSensitive ? (node.nodeValue ?? '') : (node.nodeValue ?? '').toLowerCase();
    for (
      let at = haystack.indexOf(needle);
      at >= 0;
      at = haystack.indexOf(needle, at + needle.length)
    ) {
      const range = doc.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      ranges.push(range);
    }
  }
  return ranges;
}

function ensureStyle(doc: Document): void {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = `::highlight(${FIND_HIGHLIGHT}){background:#ffe066;color:inherit}
::highlight(${FIND_CURRENT_HIGHLIGHT}){background:#ff9632;color:inherit}`;
  (doc.head ?? doc.documentElement).appendChild(style);
}
