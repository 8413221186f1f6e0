// Recorded rrweb events for tests that read a stream: elements, snapshots, mutations, inserted
// style-sheet rules and scrolls, built with rrweb's own numbers (protocol/rrweb-events.ts).
import { EventType, IncrementalSource, NodeType } from '../protocol/rrweb-events.js';

/** A serialized element (node id 1 unless given). */
export const element = (
  tagName: string,
  attributes: Record<string, unknown>,
  childNodes: unknown[] = [],
  id = 1,
) => ({ type: NodeType.Element, tagName, attributes, childNodes, id });

/** A full snapshot whose document holds `childNodes`. */
export const snapshot = (...childNodes: unknown[]) => ({
  type: EventType.FullSnapshot,
  timestamp: 1,
  data: { node: { type: NodeType.Document, childNodes } },
});

/** A mutation: nothing added, removed or changed but what `data` says. */
export const mutation = (data: Record<string, unknown>, timestamp = 2) => ({
  type: EventType.IncrementalSnapshot,
  timestamp,
  data: {
    source: IncrementalSource.Mutation,
    texts: [],
    removes: [],
    adds: [],
    attributes: [],
    ...data,
  },
});

/** Rules inserted into the style sheet of node `id`. */
export const insertedRules = (
  id: number,
  adds: { rule: string; index: number }[],
  timestamp = 1,
) => ({
  type: EventType.IncrementalSnapshot,
  timestamp,
  data: { source: IncrementalSource.StyleSheetRule, id, adds },
});

/** The page of node 1 scrolled to `y`. */
export const scroll = (y: number, timestamp = 3) => ({
  type: EventType.IncrementalSnapshot,
  timestamp,
  data: { source: IncrementalSource.Scroll, id: 1, x: 0, y },
});
