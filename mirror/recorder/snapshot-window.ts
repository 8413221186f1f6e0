// A huge page's first view, cut to what can be seen. rrweb serialises the whole document: a
// 10,000-row table is 70,000 nodes, about 90 KB gzipped, which the phone must also lay out on
// every change. Instead, in a large snapshot each long list (a parent of many elements, taller than
// a few screens) keeps only its children near the PC's viewport; each run of the others becomes
// one placeholder element of the same height, so the page keeps its size and scroll positions.
// Changes inside held-back children are not sent (the phone has no such nodes); when the PC
// scrolls them near the viewport they are serialised afresh from the live page, with the ids rrweb
// gave them, and sent as an ordinary rrweb mutation that swaps the placeholder for them. Held-back
// rows are never sent twice, and rows once sent stay. See docs/protocol.md, "The mirror".
import type { eventWithTime } from '@rrweb/types';

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

// rrweb's numbers (@rrweb/types): event and node types, incremental sources.
const FULL_SNAPSHOT = 2;
const INCREMENTAL = 3;
const ELEMENT = 2;
const MUTATION = 0;
/** Placeholder ids: far above any id rrweb hands out in one page's life. */
const PLACEHOLDER_IDS_FROM = 2_000_000_000;

interface Run {
  /** The placeholder's id on the phone. */
  id: number;
  list: List;
  /** The held-back children, in document order. */
  nodes: Node[];
}

interface List {
  parent: Element;
  parentId: number;
  runs: Set<Run>;
}

/** What one reveal changes on the phone, as the parts of an rrweb Mutation. */
interface Swap {
  removes: { parentId: number; id: number }[];
  adds: AddMutation[];
  attributes: { id: number; attributes: Record<string, unknown> }[];
}

interface AddMutation {
  parentId: number;
  nextId: number | null;
  previousId?: number | null;
  node: SerializedNode;
}

type MutationData = {
  source: number;
  texts: { id: number }[];
  attributes: { id: number }[];
  removes: { parentId: number; id: number }[];
  adds: AddMutation[];
  [key: string]: unknown;
};

export class SnapshotWindows {
  private readonly options: WindowOptions;
  private readonly lists = new Map<Element, List>();
  private readonly held = new Map<Node, Run>();
  /** The held-back children by rrweb id: a removed node is no longer in rrweb's mirror. */
  private readonly heldIds = new Map<number, Node>();
  private nextPlaceholderId = PLACEHOLDER_IDS_FROM;

  constructor(
    private readonly host: WindowHost,
    options: Partial<WindowOptions> = {},
  ) {
    this.options = { ...DEFAULT_WINDOW_OPTIONS, ...options };
  }

  /** Whether any part of the page is held back (reveal() has work to look for). */
  get active(): boolean {
    return this.held.size > 0;
  }

  /**
   * The event to send in place of `event`, or undefined to send nothing: a full snapshot comes
   * back windowed, an incremental event without what touches held-back nodes.
   */
  process(event: eventWithTime): eventWithTime | undefined {
    if (event.type === FULL_SNAPSHOT) return this.window(event);
    if (event.type !== INCREMENTAL || !this.active) return event;
    const data = event.data as unknown as MutationData | { source: number; id?: unknown };
    if (data.source === MUTATION) return this.filterMutation(event, data as MutationData);
    const id = (data as { id?: unknown }).id;
    return typeof id === 'number' && this.isHeldId(id) ? undefined : event;
  }

  /**
   * A mutation that swaps the placeholders now near the viewport for the children they hold, or
   * undefined when there is none. `resnapshot` is true when a child could not be serialised
   * (nodes rrweb never numbered): the caller takes a full snapshot instead.
   */
  reveal(): { event?: eventWithTime; resnapshot: boolean } {
    const change: Swap = { removes: [], adds: [], attributes: [] };
    for (const list of [...this.lists.values()]) {
      if (!list.parent.isConnected) {
        this.forget(list);
        continue;
      }
      for (const run of [...list.runs]) {
        if (!this.revealRun(run, change)) return { resnapshot: true };
      }
    }
    if (change.adds.length === 0) return { resnapshot: false };
    const data = { source: MUTATION, texts: [], ...change };
    return {
      event: { type: INCREMENTAL, data, timestamp: this.host.now() } as unknown as eventWithTime,
      resnapshot: false,
    };
  }

  private window(event: eventWithTime): eventWithTime {
    this.lists.clear();
    this.held.clear();
    this.heldIds.clear();
    const data = event.data as { node?: SerializedNode };
    const root = data.node;
    if (!root || countNodes(root) <= this.options.fromNodes) return event;
    const windowed = this.windowTree(root);
    if (windowed === root) return event;
    return { ...event, data: { ...data, node: windowed } } as unknown as eventWithTime;
  }

  /** A copy of the tree with its long lists windowed; the tree itself when none is. */
  private windowTree(node: SerializedNode): SerializedNode {
    const children = node.childNodes;
    if (!children || children.length === 0) return node;
    if (node.type === ELEMENT) {
      const windowed = this.windowList(node, children);
      if (windowed) return { ...node, childNodes: windowed };
    }
    let changed = false;
    const mapped = children.map((child) => {
      const next = this.windowTree(child);
      if (next !== child) changed = true;
      return next;
    });
    return changed ? { ...node, childNodes: mapped } : node;
  }

  /** The children to send for a long list, or undefined when `node` is not one. */
  private windowList(
    node: SerializedNode,
    children: SerializedNode[],
  ): SerializedNode[] | undefined {
    const elements = children.filter((child) => child.type === ELEMENT);
    if (elements.length < this.options.minChildren || UNWINDOWED.has(node.tagName ?? '')) {
      return undefined;
    }
    const parent = this.host.nodeOf(node.id);
    if (!(parent instanceof Element)) return undefined;
    const live = children.map((child) => this.host.nodeOf(child.id));
    if (live.some((child) => !child || child.parentNode !== parent)) return undefined;
    const boxes = live.filter(isElement);
    const [first, second, last] = [rectOf(boxes[0]), rectOf(boxes[1]), rectOf(boxes.at(-1))];
    const screen = this.host.viewportHeight();
    // One below the other (not a grid or a row of cards, where a tall placeholder would not fit),
    // and taller than a few screens: worth windowing.
    if (
      !first ||
      !second ||
      !last ||
      second.top < first.bottom - 1 ||
      last.top <= first.top ||
      last.bottom - first.top < 3 * screen
    ) {
      return undefined;
    }
    const list: List = { parent, parentId: node.id, runs: new Set() };
    const near = this.nearFlags(live as Node[]);
    // Runs are measured once complete: their placeholders are made at the end.
    const out: (SerializedNode | Run)[] = [];
    let run: Run | undefined;
    children.forEach((child, index) => {
      const domNode = live[index] as Node;
      if (near[index]) {
        run = undefined;
        out.push(child);
        return;
      }
      if (!run) {
        run = { id: this.nextPlaceholderId++, list, nodes: [] };
        list.runs.add(run);
        out.push(run);
      }
      run.nodes.push(domNode);
      this.hold(domNode, run);
    });
    if (list.runs.size === 0) return undefined;
    this.lists.set(parent, list);
    return out.map((child) =>
      list.runs.has(child as Run) ? this.placeholder(child as Run) : (child as SerializedNode),
    );
  }

  /** For each node: is it within the margin of the viewport? Text nodes go with their element. */
  private nearFlags(nodes: readonly Node[]): boolean[] {
    const screen = this.host.viewportHeight();
    const margin = this.options.marginScreens * screen;
    const flags = new Array<boolean>(nodes.length).fill(false);
    const elements = nodes.flatMap((node, index) => (isElement(node) ? [index] : []));
    // Stacked lists: binary search for the first element reaching the window's top.
    let low = 0;
    let high = elements.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const rect = rectOf(nodes[elements[middle] as number]);
      if (rect && rect.bottom < -margin) low = middle + 1;
      else high = middle;
    }
    for (let k = low; k < elements.length; k++) {
      const index = elements[k] as number;
      const rect = rectOf(nodes[index]);
      if (!rect || rect.top > screen + margin) break;
      flags[index] = true;
    }
    // A text node (the white space between rows) goes with the node before it.
    for (let index = 1; index < nodes.length; index++) {
      if (!isElement(nodes[index])) flags[index] = flags[index - 1] as boolean;
    }
    return flags;
  }

  /** Swaps a run's near children in; false when one of them cannot be serialised. */
  private revealRun(run: Run, { removes, adds, attributes }: Swap): boolean {
    const { list } = run;
    run.nodes = run.nodes.filter((node) => node.parentNode === list.parent);
    const near = this.nearFlags(run.nodes);
    const start = near.indexOf(true);
    if (start < 0) return true;
    // The window is one block of the run: what is near runs from `start` to `end`.
    let end = start;
    while (end < near.length && near[end]) end++;
    const shown = run.nodes.slice(start, end);
    const serialized: SerializedNode[] = [];
    for (const node of shown) {
      const tree = this.host.serialize(node);
      if (!tree) return false;
      serialized.push(tree);
    }
    const before = run.nodes.slice(0, start);
    const after = run.nodes.slice(end);
    const nextAfterRun = this.phoneNextId(run.nodes.at(-1) as Node);
    for (const node of shown) this.release(node);
    // What precedes the shown rows keeps the run's placeholder, shortened; what follows them
    // gets a new one. Adds go in an order the replayer places without queueing, and in rrweb's
    // numbering order (so the ids that follow on can be left out): the new placeholder first,
    // then each shown row before it in turn.
    if (before.length > 0) {
      run.nodes = before;
      const { style, 'data-tandem-held': count } = this.placeholder(run).attributes ?? {};
      attributes.push({ id: run.id, attributes: { style, 'data-tandem-held': count } });
    } else {
      list.runs.delete(run);
      removes.push({ parentId: list.parentId, id: run.id });
    }
    let nextId = nextAfterRun;
    if (after.length > 0) {
      const rest: Run = { id: this.nextPlaceholderId++, list, nodes: after };
      list.runs.add(rest);
      // Still held, now behind another placeholder: rrweb's ids of them do not change.
      for (const node of after) this.held.set(node, rest);
      adds.push({ parentId: list.parentId, nextId, node: this.placeholder(rest) });
      nextId = rest.id;
    }
    for (const tree of serialized) pushTree(adds, tree, list.parentId, nextId);
    return true;
  }

  private hold(node: Node, run: Run): void {
    this.held.set(node, run);
    const id = this.host.idOf(node);
    if (id >= 0) this.heldIds.set(id, node);
  }

  private release(node: Node): void {
    this.held.delete(node);
    this.heldIds.delete(this.host.idOf(node));
  }

  /** The id of what follows `node` on the phone: a sent node, a placeholder, or nothing. */
  private phoneNextId(node: Node): number | null {
    for (let next = node.nextSibling; next; next = next.nextSibling) {
      const run = this.held.get(next);
      if (run) return run.id;
      const id = this.host.idOf(next);
      if (id >= 0) return id;
    }
    return null;
  }

  private placeholder(run: Run): SerializedNode {
    const elements = run.nodes.filter(isElement);
    const first = rectOf(elements[0]);
    const last = rectOf(elements.at(-1));
    const height = first && last ? Math.max(0, Math.round(last.bottom - first.top)) : 0;
    const tagName = elements[0]?.localName ?? 'div';
    const display = tagName === 'tr' ? '' : 'display:block;';
    return {
      type: ELEMENT,
      tagName,
      attributes: {
        style: `${display}height:${height}px;margin:0;padding:0;border:0;list-style:none`,
        'data-tandem-held': String(run.nodes.length),
      },
      childNodes: [],
      id: run.id,
    };
  }

  private forget(list: List): void {
    for (const run of list.runs) for (const node of run.nodes) this.release(node);
    this.lists.delete(list.parent);
  }

  /** Is this node held back, or inside a held-back child? */
  private isHeldNode(node: Node | null): boolean {
    for (let at = node; at; at = at.parentNode) {
      if (this.held.has(at)) return true;
      if (at instanceof Element && this.lists.has(at)) return false;
    }
    return false;
  }

  private isHeldId(id: number): boolean {
    return this.isHeldNode(this.host.nodeOf(id));
  }

  private filterMutation(event: eventWithTime, data: MutationData): eventWithTime | undefined {
    const texts = data.texts.filter((text) => !this.isHeldId(text.id));
    const attributes = data.attributes.filter((change) => !this.isHeldId(change.id));
    const removes = data.removes.filter((remove) => {
      const node = this.heldIds.get(remove.id);
      const run = node ? this.held.get(node) : undefined;
      if (node && run) {
        // A held-back child left the page: the placeholder keeps its height until revealed.
        run.nodes = run.nodes.filter((held) => held !== node);
        this.held.delete(node);
        this.heldIds.delete(remove.id);
        return false;
      }
      return !this.isHeldId(remove.parentId);
    });
    const adds = data.adds.filter((add) => !this.holdsAdd(add));
    const unchanged =
      texts.length === data.texts.length &&
      attributes.length === data.attributes.length &&
      removes.length === data.removes.length &&
      adds.length === data.adds.length;
    if (unchanged) return event;
    if (texts.length + attributes.length + removes.length + adds.length === 0) return undefined;
    return { ...event, data: { ...data, texts, attributes, removes, adds } } as eventWithTime;
  }

  /** True when an added node belongs out of sight: inside a held child, or beside held ones. */
  private holdsAdd(add: AddMutation): boolean {
    const parent = this.host.nodeOf(add.parentId);
    if (this.isHeldNode(parent)) return true;
    const list = parent instanceof Element ? this.lists.get(parent) : undefined;
    const node = this.host.nodeOf(add.node.id);
    if (!list || !node) return false;
    const neighbour = [node.nextSibling, node.previousSibling]
      .map((sibling) => (sibling ? this.held.get(sibling) : undefined))
      .find((run) => run !== undefined);
    if (!neighbour) return false;
    const index = neighbour.nodes.indexOf(node.nextSibling as Node);
    neighbour.nodes.splice(index < 0 ? neighbour.nodes.length : index, 0, node);
    this.hold(node, neighbour);
    return true;
  }
}

/** Lists whose children have no box of their own to measure, or must stay whole. */
const UNWINDOWED = new Set(['select', 'datalist', 'optgroup', 'head', 'svg', 'colgroup']);

const isElement = (node: Node | null | undefined): node is Element =>
  node !== null && node !== undefined && node.nodeType === 1;

function rectOf(node: Node | null | undefined): DOMRect | undefined {
  return isElement(node) ? node.getBoundingClientRect() : undefined;
}

function countNodes(node: SerializedNode): number {
  let count = 1;
  for (const child of node.childNodes ?? []) count += countNodes(child);
  return count;
}

/**
 * rrweb's replayer builds each added node alone: a subtree travels as one add per node, in
 * pre-order. Its children are appended to it in order (it is new, nothing else is in it).
 */
function pushTree(
  adds: AddMutation[],
  tree: SerializedNode,
  parentId: number,
  nextId: number | null,
): void {
  const { childNodes = [], ...node } = tree;
  adds.push({ parentId, nextId, node: { ...node, childNodes: [] } as SerializedNode });
  for (const child of childNodes) pushTree(adds, child, tree.id, null);
}
