// rrweb numbers the nodes of a snapshot one by one as it walks the page, so almost every `id` is
// the one before it plus one: 10,000 table rows carry 70,000 ids that gzip cannot predict (about
// two thirds of the gzipped snapshot). A large mirror message leaves those ids out before gzip
// (`encoding: "gzip+seq-ids"`) and the phone puts them back: lossless, and any id that does not
// follow on stays written (docs/protocol.md, "Large and compressible mirror messages").

import { EventType, IncrementalSource } from './rrweb-events.js';

type Walk = { last: number | undefined };
type NodeVisitor = (node: Record<string, unknown>, walk: Walk) => Record<string, unknown>;

/**
 * A copy of `events` without every serialized node `id` that is its predecessor's plus one, or
 * undefined when some node has no numeric id (not rrweb's): then a left-out id could not be told
 * from a missing one, and the message travels with its ids.
 */
export function elideSequentialIds<T>(events: readonly T[]): T[] | undefined {
  let numbered = true;
  const check: NodeVisitor = (node) => {
    if (typeof node.id !== 'number') numbered = false;
    return node;
  };
  for (const event of events) mapEventNodes(event, check);
  return numbered ? events.map((event) => mapEventNodes(event, elide)) : undefined;
}

/**
 * `events` with the left-out ids put back. Throws when a node without an id has no predecessor
 * to count from: the message was not written by `elideSequentialIds`.
 */
export function restoreSequentialIds<T>(events: readonly T[]): T[] {
  return events.map((event) => mapEventNodes(event, restore));
}

const elide: NodeVisitor = (node, walk) => {
  const id = node.id as number;
  const follows = walk.last !== undefined && id === walk.last + 1;
  walk.last = id;
  if (!follows) return node;
  const { id: _left, ...rest } = node;
  return rest;
};

const restore: NodeVisitor = (node, walk) => {
  if ('id' in node) {
    walk.last = typeof node.id === 'number' ? node.id : undefined;
    return node;
  }
  if (walk.last === undefined) throw new Error('a node without an id has nothing to count from');
  walk.last += 1;
  return { ...node, id: walk.last };
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Serialized nodes of a FullSnapshot (`data.node`) and of a Mutation's `adds`, in walk order. */
function mapEventNodes<T>(event: T, visit: NodeVisitor): T {
  if (!isRecord(event) || !isRecord(event.data)) return event;
  const data = event.data;
  const walk: Walk = { last: undefined };
  if (event.type === EventType.FullSnapshot && isRecord(data.node)) {
    return { ...event, data: { ...data, node: mapTree(data.node, visit, walk) } };
  }
  if (
    event.type === EventType.IncrementalSnapshot &&
    data.source === IncrementalSource.Mutation &&
    Array.isArray(data.adds)
  ) {
    const adds = data.adds.map((add: unknown) =>
      isRecord(add) && isRecord(add.node) ? { ...add, node: mapTree(add.node, visit, walk) } : add,
    );
    return { ...event, data: { ...data, adds } };
  }
  return event;
}

/** Pre-order, as rrweb numbers them: the node, then each child's subtree in turn. */
function mapTree(
  node: Record<string, unknown>,
  visit: NodeVisitor,
  walk: Walk,
): Record<string, unknown> {
  const mapped = visit(node, walk);
  if (!Array.isArray(node.childNodes)) return mapped;
  const childNodes = node.childNodes.map((child: unknown) =>
    isRecord(child) ? mapTree(child, visit, walk) : child,
  );
  return { ...mapped, childNodes };
}
