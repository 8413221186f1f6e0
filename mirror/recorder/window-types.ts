// The shapes snapshot windowing works on: rrweb's serialised nodes and mutations as far as it reads
// them, its options and its host, and the runs of held-back children (see snapshot-window.ts).

/** A serialised rrweb node, as far as windowing reads it. */
export interface SerializedNode {
  type: number;
  id: number;
  tagName?: string;
  attributes?: Record<string, unknown>;
  childNodes?: SerializedNode[];
  [key: string]: unknown;
}

export interface WindowOptions {
  /** Snapshots of more nodes than this are windowed. */
  fromNodes: number;
  /** A parent of at least this many element children is a long list. */
  minChildren: number;
  /** Children within this many viewport heights above or below the viewport are kept. */
  marginScreens: number;
}

export const DEFAULT_WINDOW_OPTIONS: Readonly<WindowOptions> = Object.freeze({
  fromNodes: 5_000,
  minChildren: 100,
  marginScreens: 0.5,
});

export interface WindowHost {
  nodeOf(id: number): Node | null;
  /** rrweb's id of a node (-1: none). */
  idOf(node: Node): number;
  /**
   * The live node and its subtree as rrweb serialises it, with the ids rrweb already gave them;
   * undefined when a node in it has none (then only a full snapshot can carry it).
   */
  serialize(node: Node): SerializedNode | undefined;
  viewportHeight(): number;
  now(): number;
}

/** A run of held-back children, shown on the phone as one placeholder of their height. */
export interface Run {
  /** The placeholder's id on the phone. */
  id: number;
  list: List;
  /** The held-back children, in document order. */
  nodes: Node[];
}

/** A long list that has runs held back. */
export interface List {
  parent: Element;
  parentId: number;
  runs: Set<Run>;
}

/** What one reveal changes on the phone, as the parts of an rrweb Mutation. */
export interface Swap {
  removes: { parentId: number; id: number }[];
  adds: AddMutation[];
  attributes: { id: number; attributes: Record<string, unknown> }[];
}

export interface AddMutation {
  parentId: number;
  nextId: number | null;
  previousId?: number | null;
  node: SerializedNode;
}

export type MutationData = {
  source: number;
  texts: { id: number }[];
  attributes: { id: number }[];
  removes: { parentId: number; id: number }[];
  adds: AddMutation[];
  [key: string]: unknown;
};
