// Runs inside every page of the session (bundled, injected before the page's scripts): records the
// DOM with rrweb, sends batches out through the agent's binding, and answers the agent's calls.
import { record } from '@rrweb/record';
import type { eventWithTime } from '@rrweb/types';
import { createFinder, type Finder } from '../ops/find-in-page.js';
import {
  clickPoint,
  focusForTyping,
  scrollPage,
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
  const emit = (event: eventWithTime): void => {
    queue.push(event);
    if (!flushQueued) {
      flushQueued = true;
      soon(flush);
    }
  };

  const start = (): void => {
    record({
      emit,
      recordAfter: 'DOMContentLoaded',
      maskAllInputs: config.maskAllInputs,
      maskInputOptions: { password: true },
      blockSelector: crossOriginFrameSelector(location.origin),
      // Every input event, not only 'change': the phone sees typing as it happens.
      sampling: { scroll: config.scrollMs, mousemove: config.mousemoveMs },
      slimDOMOptions: { script: true, comment: true, headFavicon: true, headMetaSocial: true },
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
