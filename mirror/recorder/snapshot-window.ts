// A huge page's first view, cut to what can be seen. rrweb serialises the whole document: a
// 10,000-row table is 70,000 nodes, about 90 KB gzipped, which the phone must also lay out on
// every change. Instead, in a large snapshot each long list (a parent of many elements, taller than
// a few screens) keeps only its children near the PC's viewport; each run of the others becomes
// one placeholder element of the same height, so the page keeps its size and scroll positions.
// Changes inside held-back children are not sent (the phone has no such nodes); when the PC
// scrolls them near the viewport they are serialised afresh from the live page, with the ids rrweb
// gave them, and sent as an ordinary rrweb mutation that swaps the placeholder for them. Held-back
// rows are never sent twice, and rows once sent stay. See docs/protocol.md, "The mirror".
// The parts: what is held back (held-nodes.ts), measuring and placeholders (window-layout.ts), and
// mutations while rows are held back (window-mutations.ts).
import type { eventWithTime } from '@rrweb/types';
import { HeldNodes } from './held-nodes.js';
import {
  countNodes,
  isElement,
  nearFlags,
  placeholderOf,
  pushTree,
  rectOf,
  UNWINDOWED,
} from './window-layout.js';
import { filterMutation } from './window-mutations.js';
import {
  DEFAULT_WINDOW_OPTIONS,
  type List,
  type MutationData,
  type Run,
  type SerializedNode,
  type Swap,
  type WindowHost,
  type WindowOptions,
} from './window-types.js';
import { EventType, IncrementalSource, NodeType } from '../../protocol/rrweb-events.js';

export {
  DEFAULT_WINDOW_OPTIONS,
  type SerializedNode,
  type WindowHost,
  type WindowOptions,
} from './window-types.js';

/** Placeholder ids: far above any id rrweb hands out in one page's life. */
const PLACEHOLDER_IDS_FROM = 2_000_000_000;

export class SnapshotWindows {
  private readonly options: WindowOptions;
  private readonly held: HeldNodes;
  private nextPlaceholderId = PLACEHOLDER_IDS_FROM;

  constructor(
    private readonly host: WindowHost,
    options: Partial<WindowOptions> = {},
  ) {
    this.options = { ...DEFAULT_WINDOW_OPTIONS, ...options };
    this.held = new HeldNodes(host);
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
    if (event.type === EventType.FullSnapshot) return this.window(event);
    if (event.type !== EventType.IncrementalSnapshot || !this.active) return event;
    const data = event.data as unknown as MutationData | { source: number; id?: unknown };
    if (data.source === IncrementalSource.Mutation)
      return filterMutation(event, data as MutationData, this.held, this.host);
    const id = (data as { id?: unknown }).id;
    return typeof id === 'number' && this.held.isHeldId(id) ? undefined : event;
  }

  /**
   * A mutation that swaps the placeholders now near the viewport for the children they hold, or
   * undefined when there is none. `resnapshot` is true when a child could not be serialised
   * (nodes rrweb never numbered): the caller takes a full snapshot instead. `marginScreens`
   * (default: the options') says how far beyond the viewport "near" reaches: 0 reveals what is in
   * view now, the smallest message, and a later call with the margin brings the rows around it.
   */
  reveal(marginScreens = this.options.marginScreens): {
    event?: eventWithTime;
    resnapshot: boolean;
  } {
    const change: Swap = { removes: [], adds: [], attributes: [] };
    for (const list of [...this.held.lists.values()]) {
      if (!list.parent.isConnected) {
        this.held.forget(list);
        continue;
      }
      for (const run of [...list.runs]) {
        if (!this.revealRun(run, change, marginScreens)) return { resnapshot: true };
      }
    }
    if (change.adds.length === 0) return { resnapshot: false };
    const data = { source: IncrementalSource.Mutation, texts: [], ...change };
    return {
      event: {
        type: EventType.IncrementalSnapshot,
        data,
        timestamp: this.host.now(),
      } as unknown as eventWithTime,
      resnapshot: false,
    };
  }

  private window(event: eventWithTime): eventWithTime {
    this.held.clear();
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
    if (node.type === NodeType.Element) {
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
    const elements = children.filter((child) => child.type === NodeType.Element);
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
      this.held.hold(domNode, run);
    });
    if (list.runs.size === 0) return undefined;
    this.held.lists.set(parent, list);
    return out.map((child) =>
      list.runs.has(child as Run) ? placeholderOf(child as Run) : (child as SerializedNode),
    );
  }

  /** Swaps a run's near children in; false when one of them cannot be serialised. */
  private revealRun(run: Run, { removes, adds, attributes }: Swap, marginScreens: number): boolean {
    const { list } = run;
    run.nodes = run.nodes.filter((node) => node.parentNode === list.parent);
    const near = this.nearFlags(run.nodes, marginScreens);
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
    const nextAfterRun = this.held.phoneNextId(run.nodes.at(-1) as Node);
    for (const node of shown) this.held.release(node);
    // What precedes the shown rows keeps the run's placeholder, shortened; what follows them
    // gets a new one. Adds go in an order the replayer places without queueing, and in rrweb's
    // numbering order (so the ids that follow on can be left out): the new placeholder first,
    // then each shown row before it in turn.
    if (before.length > 0) {
      run.nodes = before;
      const { style, 'data-tandem-held': count } = placeholderOf(run).attributes ?? {};
      attributes.push({ id: run.id, attributes: { style, 'data-tandem-held': count } });
    } else {
      list.runs.delete(run);
      removes.push({ parentId: list.parentId, id: run.id });
    }
    let nextId = nextAfterRun;
    if (after.length > 0) {
      const rest: Run = { id: this.nextPlaceholderId++, list, nodes: after };
      list.runs.add(rest);
      for (const node of after) this.held.move(node, rest);
      adds.push({ parentId: list.parentId, nextId, node: placeholderOf(rest) });
      nextId = rest.id;
    }
    for (const tree of serialized) pushTree(adds, tree, list.parentId, nextId);
    return true;
  }

  /** For each node: is it within the margin of the viewport? */
  private nearFlags(nodes: readonly Node[], marginScreens = this.options.marginScreens): boolean[] {
    return nearFlags(nodes, this.host.viewportHeight(), marginScreens);
  }
}
