// The PC's scroll position by content, for a phone that lays the page out at its own width: the
// element at the top of the viewport (mirror/ops/scroll-anchor.ts), sent as an rrweb custom event
// after each document scroll (sampled like rrweb's own scroll events) and after each full snapshot.
import type { eventWithTime } from '@rrweb/types';
import { ANCHOR_EVENT_TAG, anchorAtTop } from '../ops/scroll-anchor.js';
import { EventType } from '../../protocol/rrweb-events.js';

export interface AnchorEventsOptions {
  idOf(node: Node): number;
  enqueue(event: eventWithTime): void;
  /** At most one anchor per this many ms while scrolling (the last position always goes). */
  sampleMs: number;
}

export function startAnchorEvents(options: AnchorEventsOptions): { afterSnapshot(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let last = '';
  const send = (): void => {
    timer = undefined;
    const anchor = anchorAtTop(document, options.idOf);
    if (!anchor) return;
    const key = JSON.stringify(anchor);
    if (key === last) return;
    last = key;
    options.enqueue({
      type: EventType.Custom,
      data: { tag: ANCHOR_EVENT_TAG, payload: anchor },
      timestamp: Date.now(),
    } as eventWithTime);
  };
  // The first of a burst at once (the phone follows without delay), then one per sampleMs, and
  // always the last position.
  let sentAt = 0;
  const sendNow = (): void => {
    sentAt = Date.now();
    send();
  };
  const sendSoon = (): void => {
    if (timer !== undefined) return;
    const wait = sentAt + options.sampleMs - Date.now();
    if (wait <= 0) sendNow();
    else timer = setTimeout(sendNow, wait);
  };
  addEventListener(
    'scroll',
    (event) => {
      if (event.target === document) sendSoon();
    },
    { capture: true, passive: true },
  );
  return {
    afterSnapshot() {
      last = '';
      sendSoon();
    },
  };
}
