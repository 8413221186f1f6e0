// Which live nodes a windowed snapshot holds back from the phone, the run (placeholder) each one is
// behind, and the long lists those runs are in.
import type { List, Run, WindowHost } from './window-types.js';

export class HeldNodes {
  /** The windowed long lists by their live parent. */
  readonly lists = new Map<Element, List>();
  private readonly runs = new Map<Node, Run>();
  /** The held-back children by rrweb id: a removed node is no longer in rrweb's mirror. */
  private readonly ids = new Map<number, Node>();

  constructor(private readonly host: Pick<WindowHost, 'nodeOf' | 'idOf'>) {}

  get size(): number {
    return this.runs.size;
  }

  /** A new full snapshot: nothing is held back any more. */
  clear(): void {
    this.lists.clear();
    this.runs.clear();
    this.ids.clear();
  }

  /** The run `node` is held back in, if it is. */
  runOf(node: Node): Run | undefined {
    return this.runs.get(node);
  }

  /** The held-back child with rrweb id `id`, if there is one. */
  nodeWithId(id: number): Node | undefined {
    return this.ids.get(id);
  }

  hold(node: Node, run: Run): void {
    this.runs.set(node, run);
    const id = this.host.idOf(node);
    if (id >= 0) this.ids.set(id, node);
  }

  /** Still held, now behind another placeholder: rrweb's id of it does not change. */
  move(node: Node, run: Run): void {
    this.runs.set(node, run);
  }

  /** `node` is shown on the phone now. */
  release(node: Node): void {
    this.runs.delete(node);
    this.ids.delete(this.host.idOf(node));
  }

  /** A held-back child with rrweb id `id` left the page. */
  drop(node: Node, id: number): void {
    this.runs.delete(node);
    this.ids.delete(id);
  }

  /** A windowed list left the page: what it held goes with it. */
  forget(list: List): void {
    for (const run of list.runs) for (const node of run.nodes) this.release(node);
    this.lists.delete(list.parent);
  }

  /** Is this node held back, or inside a held-back child? */
  isHeldNode(node: Node | null): boolean {
    for (let at = node; at; at = at.parentNode) {
      if (this.runs.has(at)) return true;
      if (at instanceof Element && this.lists.has(at)) return false;
    }
    return false;
  }

  isHeldId(id: number): boolean {
    return this.isHeldNode(this.host.nodeOf(id));
  }

  /** The id of what follows `node` on the phone: a sent node, a placeholder, or nothing. */
  phoneNextId(node: Node): number | null {
    for (let next = node.nextSibling; next; next = next.nextSibling) {
      const run = this.runs.get(next);
      if (run) return run.id;
      const id = this.host.idOf(next);
      if (id >= 0) return id;
    }
    return null;
  }
}
