// The phone's scroll as the operation the PC performs: by content when fitted to the phone (the
// element at the phone's top), with the phone's pixels as the fallback.
import type { RelayMessage } from '../protocol/relay-messages.js';
import type { ScrollAnchor } from '../mirror/ops/scroll-anchor.js';

export function scrollOp(x: number, y: number, anchor?: ScrollAnchor): RelayMessage {
  if (!anchor) return { type: 'op.scroll', x, y };
  const { id, fraction, at } = anchor;
  return { type: 'op.scroll', x, y, anchor: { ref: String(id), fraction, at } };
}
