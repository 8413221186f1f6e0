// rrweb mutations while part of the page is held back: what touches held-back nodes stays on the PC
// (the phone has no such nodes), and a node added beside held ones is held back with them.
import type { eventWithTime } from '@rrweb/types';
import type { HeldNodes } from './held-nodes.js';
import type { AddMutation, MutationData, WindowHost } from './window-types.js';

/** `event` without what touches held-back nodes; undefined when nothing is left. */
export function filterMutation(
  event: eventWithTime,
  data: MutationData,
  held: HeldNodes,
  host: Pick<WindowHost, 'nodeOf'>,
): eventWithTime | undefined {
  const texts = data.texts.filter((text) => !held.isHeldId(text.id));
  const attributes = data.attributes.filter((change) => !held.isHeldId(change.id));
  const removes = data.removes.filter((remove) => {
    const node = held.nodeWithId(remove.id);
    const run = node ? held.runOf(node) : undefined;
    if (node && run) {
      // A held-back child left the page: the placeholder keeps its height until revealed.
      run.nodes = run.nodes.filter((other) => other !== node);
      held.drop(node, remove.id);
      return false;
    }
    return !held.isHeldId(remove.parentId);
  });
  const adds = data.adds.filter((add) => !holdsAdd(add, held, host));
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
function holdsAdd(add: AddMutation, held: HeldNodes, host: Pick<WindowHost, 'nodeOf'>): boolean {
  const parent = host.nodeOf(add.parentId);
  if (held.isHeldNode(parent)) return true;
  const list = parent instanceof Element ? held.lists.get(parent) : undefined;
  const node = host.nodeOf(add.node.id);
  if (!list || !node) return false;
  const neighbour = [node.nextSibling, node.previousSibling]
    .map((sibling) => (sibling ? held.runOf(sibling) : undefined))
    .find((run) => run !== undefined);
  if (!neighbour) return false;
  const index = neighbour.nodes.indexOf(node.nextSibling as Node);
  neighbour.nodes.splice(index < 0 ? neighbour.nodes.length : index, 0, node);
  held.hold(node, neighbour);
  return true;
}
