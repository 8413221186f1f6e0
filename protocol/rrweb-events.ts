// rrweb's numbers, written once: the event types, the sources of incremental events and the types
// of serialized nodes, named as rrweb's own enums (@rrweb/types). Plain `as const` objects, so that
// code which only reads a stream (the agent, the server, the phone page) does not load rrweb.

/** `event.type` of a recorded event. */
export const EventType = {
  DomContentLoaded: 0,
  Load: 1,
  FullSnapshot: 2,
  IncrementalSnapshot: 3,
  Meta: 4,
  Custom: 5,
  Plugin: 6,
} as const;

/** `event.data.source` of an incremental event (`EventType.IncrementalSnapshot`). */
export const IncrementalSource = {
  Mutation: 0,
  MouseMove: 1,
  MouseInteraction: 2,
  Scroll: 3,
  ViewportResize: 4,
  Input: 5,
  TouchMove: 6,
  MediaInteraction: 7,
  StyleSheetRule: 8,
  CanvasMutation: 9,
  Font: 10,
  Log: 11,
  Drag: 12,
  StyleDeclaration: 13,
  Selection: 14,
  AdoptedStyleSheet: 15,
  CustomElement: 16,
} as const;

/** `node.type` of a serialized node in a snapshot or a mutation's adds. */
export const NodeType = {
  Document: 0,
  DocumentType: 1,
  Element: 2,
  Text: 3,
  CDATA: 4,
  Comment: 5,
} as const;

/** `event` is an incremental event from `source` (one of `IncrementalSource`). */
export function isIncrementalFrom(
  event: { type?: unknown; data?: unknown },
  source: number,
): boolean {
  if (event.type !== EventType.IncrementalSnapshot) return false;
  return (event.data as { source?: unknown } | null | undefined)?.source === source;
}
