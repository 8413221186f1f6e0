// Runs inside every page of the session (bundled, injected before the page's scripts): records the
// DOM with rrweb, sends batches out through the agent's binding, and answers the agent's calls.
import { record } from '@rrweb/record';
import type { eventWithTime } from '@rrweb/types';
import { serializeNodeWithId, type Mirror } from 'rrweb-snapshot';
import { createFinder, type Finder } from '../ops/find-in-page.js';
import {
  clickPoint,
  focusForTyping,
  scrollPage,
  scrollToAnchor,
  selectOptions,
  selectText,
} from '../ops/page-ops.js';
import {
  DEFAULT_RECORDER_CONFIG,
  MIRROR_CHANNEL,
  PAGE_API,
  PAGE_CONFIG,
  type RecorderBatch,
  type RecorderConfig,
} from './recorder-config.js';
import type { ScrollAnchor } from '../ops/scroll-anchor.js';
import { startAnchorEvents } from './anchor-events.js';
import { startEarlyView } from './early-view.js';
import { onScrollCalls } from './scroll-calls.js';
import { SnapshotWindows, type SerializedNode } from './snapshot-window.js';
import { EventType } from '../../protocol/rrweb-events.js';

/** rrweb's `maskAllInputs: true`, spelled out for the serialiser windowing uses. */
const ALL_INPUTS = Object.fromEntries(
  [
    'color',
    'date',
    'datetime-local',
    'email',
    'month',
    'number',
    'range',
    'search',
    'tel',
    'text',
    'time',
    'url',
    'week',
    'textarea',
    'select',
    'password',
  ].map((type) => [type, true]),
);
const SLIM_DOM = { script: true, comment: true, headFavicon: true, headMetaSocial: true };

type Globals = Record<string, unknown>;
const globals = window as unknown as Globals;

if (!globals[PAGE_API]) {
  const config: RecorderConfig = {
    ...DEFAULT_RECORDER_CONFIG,
    ...(globals[PAGE_CONFIG] as Partial<RecorderConfig> | undefined),
  };
  let queue: eventWithTime[] = [];
  let flushQueued = false;
  let finder: Finder | undefined;
  const lookup = (id: number): Node | null => record.mirror.getNode(id);

  // The page's own scripts run after this one and may replace these globals: keep the originals.
  const stringify = JSON.stringify.bind(JSON);
  const soon = queueMicrotask.bind(window);
  const later = setTimeout.bind(window);

  // A mutation burst costs one binding call. A microtask, not a timer: a timer waits behind the
  // page's layout (a 10,000-row table takes 100-300 ms to lay out after each change).
  const flush = (): void => {
    flushQueued = false;
    const send = globals[MIRROR_CHANNEL] as ((batch: string) => unknown) | undefined;
    if (!send || queue.length === 0) return;
    const batch: RecorderBatch = { url: location.href, events: queue };
    queue = [];
    // As JSON text: the binding carries a string in one piece but walks an object node by node
    // (a 4 MB snapshot: 0.3 s as text, 7 s as an object).
    void Promise.resolve(send(stringify(batch))).catch(() => undefined);
  };
  const enqueue = (event: eventWithTime): void => {
    queue.push(event);
    if (!flushQueued) {
      flushQueued = true;
      soon(flush);
    }
  };

  // A huge page's snapshot keeps its long lists near the viewport only (snapshot-window.ts).
  const blockSelector = crossOriginFrameSelector(location.origin);
  const maskInputOptions = config.maskAllInputs ? ALL_INPUTS : { password: true };
  // rrweb's own numbering, read only: a node it never numbered comes out as -1, never a new id.
  const knownIds = Object.create(record.mirror, {
    hasNode: { value: () => true },
    add: { value: () => undefined },
  }) as Mirror;
  const serialize = (node: Node): SerializedNode | undefined => {
    const tree = serializeNodeWithId(node, {
      doc: document,
      mirror: knownIds,
      blockClass: 'rr-block',
      blockSelector,
      maskTextClass: 'rr-mask',
      maskTextSelector: null,
      skipChild: false,
      inlineStylesheet: true,
      maskInputOptions,
      maskTextFn: undefined,
      maskInputFn: undefined,
      slimDOMOptions: SLIM_DOM,
    }) as SerializedNode | null;
    return tree && allNumbered(tree) ? tree : undefined;
  };
  const windows = new SnapshotWindows({
    nodeOf: lookup,
    idOf: (node) => record.mirror.getId(node),
    serialize,
    viewportHeight: () => window.innerHeight,
    now: () => Date.now(),
  });
  let revealQueued = false;
  // What came into view goes at once, alone (the smallest message); the rows around it, which a
  // person scrolls on to, follow in the next task.
  const reveal = (marginScreens?: number): void => {
    const { event, resnapshot } = windows.reveal(marginScreens);
    if (event) enqueue(event);
    if (resnapshot) record.takeFullSnapshot(true);
  };
  const revealInViewThenNear = (): void => {
    revealQueued = false;
    reveal(0);
    if (windows.active) later(() => reveal(), 0);
  };
  const revealSoon = (): void => {
    if (revealQueued || !windows.active) return;
    revealQueued = true;
    soon(revealInViewThenNear);
  };
  // After changes, layout may have moved held-back rows into view: look again a little later.
  let changeCheck: ReturnType<typeof setTimeout> | undefined;
  const revealAfterChanges = (): void => {
    if (changeCheck !== undefined || !windows.active) return;
    changeCheck = setTimeout(() => {
      changeCheck = undefined;
      revealSoon();
    }, 100);
  };
  const anchors = startAnchorEvents({
    idOf: (node) => record.mirror.getId(node),
    enqueue,
    sampleMs: config.scrollMs,
  });
  const emit = (event: eventWithTime): void => {
    const sent = windows.process(event);
    if (sent) enqueue(sent);
    if (event.type === EventType.IncrementalSnapshot) revealAfterChanges();
    if (event.type === EventType.FullSnapshot) anchors.afterSnapshot();
  };
  addEventListener('scroll', revealSoon, { capture: true, passive: true });
  // Until rrweb starts (DOMContentLoaded), a heavy page's top goes to the phone as it is parsed.
  startEarlyView({
    rules: {
      blocked: (element) =>
        element.classList.contains('rr-block') || element.matches(blockSelector),
      masked: (text) => Boolean(text.parentElement?.closest('.rr-mask')),
    },
    send: enqueue,
    setTimer: later,
    onFrame: requestAnimationFrame.bind(window),
    now: () => Date.now(),
  });
  addEventListener('resize', revealSoon, { passive: true });
  // The rows a script scrolls into view go at once; the anchor waits for the scroll event (finding
  // the element at the top hit-tests the page, which costs a heavy page a frame's worth of work).
  onScrollCalls(revealSoon);

  const start = (): void => {
    record({
      emit,
      recordAfter: 'DOMContentLoaded',
      maskAllInputs: config.maskAllInputs,
      maskInputOptions: { password: true },
      blockSelector,
      // Every input event, not only 'change': the phone sees typing as it happens.
      sampling: { scroll: config.scrollMs, mousemove: config.mousemoveMs },
      slimDOMOptions: SLIM_DOM,
      inlineStylesheet: true,
      // A page error inside the recorder must not take the page (or the stream) down.
      errorHandler: () => true,
    });
  };

  globals[PAGE_API] = {
    snapshot: (): boolean => {
      record.takeFullSnapshot(true);
      return true;
    },
    /** The recorder's id of the first element matching `selector` (-1: none), for the agent's tools. */
    idOf: (selector: string): number => {
      const element = document.querySelector(selector);
      return element ? record.mirror.getId(element) : -1;
    },
    clickPoint: (id: number) => clickPoint(lookup, id),
    focus: (id: number) => focusForTyping(lookup, id),
    selectText: (id?: number) => selectText(lookup, id, config.maskAllInputs),
    selectOptions: (id: number, values: string[]) => selectOptions(lookup, id, values),
    scroll: (x: number, y: number, id?: number) => scrollPage(lookup, x, y, id),
    scrollToAnchor: (anchor: ScrollAnchor) => scrollToAnchor(lookup, anchor),
    scrollPosition: () => ({ x: window.scrollX, y: window.scrollY }),
    find: (action: string, text?: string, caseSensitive?: boolean) => {
      finder ??= createFinder(document);
      if (action === 'query') return finder.query(text ?? '', caseSensitive);
      if (action === 'next') return finder.next();
      if (action === 'previous') return finder.previous();
      return finder.clear();
    },
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }
}

function allNumbered(node: SerializedNode): boolean {
  return node.id >= 0 && (node.childNodes ?? []).every(allNumbered);
}

/**
 * Frames from another origin cannot be recorded: block them, so the phone shows a sized
 * placeholder in their place instead of an empty or broken frame.
 */
function crossOriginFrameSelector(origin: string): string {
  const same = `:not([src^="${origin}/"])`;
  return [
    `iframe[src^="http:"]${same}`,
    `iframe[src^="https:"]${same}`,
    'iframe[src^="//"]',
    'iframe[sandbox]:not([sandbox*="allow-same-origin"])',
  ].join(',');
}
