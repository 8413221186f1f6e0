// What snapshot windowing measures and builds: boxes of the live page, which children are near the
// viewport, the placeholder that stands in for a run, and the adds that carry a subtree.
import type { AddMutation, Run, SerializedNode } from './window-types.js';
import { NodeType } from '../../protocol/rrweb-events.js';

/** Lists whose children have no box of their own to measure, or must stay whole. */
export const UNWINDOWED = new Set(['select', 'datalist', 'optgroup', 'head', 'svg', 'colgroup']);

export const isElement = (node: Node | null | undefined): node is Element =>
  node !== null && node !== undefined && node.nodeType === 1;

export function rectOf(node: Node | null | undefined): DOMRect | undefined {
  return isElement(node) ? node.getBoundingClientRect() : undefined;
}

export function countNodes(node: SerializedNode): number {
  let count = 1;
  for (const child of node.childNodes ?? []) count += countNodes(child);
  return count;
}

/**
 * For each node: is it within `marginScreens` viewport heights of a viewport `screen` pixels tall?
 * Text nodes go with their element.
 */
export function nearFlags(
  nodes: readonly Node[],
  screen: number,
  marginScreens: number,
): boolean[] {
  const margin = marginScreens * screen;
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

/** The element that stands in for a run on the phone: same tag, same height, nothing inside. */
export function placeholderOf(run: Run): SerializedNode {
  const elements = run.nodes.filter(isElement);
  const first = rectOf(elements[0]);
  const last = rectOf(elements.at(-1));
  const height = first && last ? Math.max(0, Math.round(last.bottom - first.top)) : 0;
  const tagName = elements[0]?.localName ?? 'div';
  const display = tagName === 'tr' ? '' : 'display:block;';
  return {
    type: NodeType.Element,
    tagName,
    attributes: {
      style: `${display}height:${height}px;margin:0;padding:0;border:0;list-style:none`,
      'data-tandem-held': String(run.nodes.length),
    },
    childNodes: [],
    id: run.id,
  };
}

/**
 * rrweb's replayer builds each added node alone: a subtree travels as one add per node, in
 * pre-order. Its children are appended to it in order (it is new, nothing else is in it).
 */
export function pushTree(
  adds: AddMutation[],
  tree: SerializedNode,
  parentId: number,
  nextId: number | null,
): void {
  const { childNodes = [], ...node } = tree;
  adds.push({ parentId, nextId, node: { ...node, childNodes: [] } as SerializedNode });
  for (const child of childNodes) pushTree(adds, child, tree.id, null);
}
