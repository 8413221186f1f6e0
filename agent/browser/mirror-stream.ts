// The agent's end of the mirror: injects the page agent into every page of the session, receives
// the batches of the tab the phone is shown, and asks for a fresh full snapshot when it must.
import type { eventWithTime } from '@rrweb/types';
import { pageAgentScript } from '../../mirror/recorder/build-page-agent.js';
import {
  MIRROR_CHANNEL,
  PAGE_API,
  type RecorderBatch,
  type RecorderConfig,
} from '../../mirror/recorder/recorder-config.js';
import type { BrowserHost } from './browser-host.js';

export type MirrorListener = (tabId: string, batch: RecorderBatch) => void;

export interface MirrorStream {
  /** The tab whose events reach the phone. */
  shownTabId(): string | undefined;
  /** Shows another tab (the phone's "show this tab"): a fresh full snapshot follows. */
  show(tabId: string): Promise<void>;
  /** A fresh full snapshot of the shown tab: the phone joined or rejoined. */
  requestSnapshot(): Promise<void>;
  /** Batches of the shown tab. */
  onShownBatch(listener: MirrorListener): () => void;
  /** Batches of every tab (the asset proxy's URL list listens here). */
  onAnyBatch(listener: MirrorListener): () => void;
  stop(): void;
}

export interface MirrorStreamOptions {
  recorder?: Partial<RecorderConfig>;
  /** Keep showing the PC's active tab when the person switches tabs on the PC (default true). */
  followActiveTab?: boolean;
}

const MAX_EVENTS_PER_BATCH = 10_000;

export async function startMirrorStream(
  host: BrowserHost,
  options: MirrorStreamOptions = {},
): Promise<MirrorStream> {
  const shownListeners = new Set<MirrorListener>();
  const anyListeners = new Set<MirrorListener>();
  let shown = host.activeTabId();
  let stopped = false;

  await host.exposeChannel(MIRROR_CHANNEL, (tabId, payload) => {
    const batch = asBatch(payload);
    if (stopped || !batch) return;
    for (const listener of anyListeners) listener(tabId, batch);
    if (tabId === shown) for (const listener of shownListeners) listener(tabId, batch);
  });
  await host.addPageScript(await pageAgentScript(options.recorder));

  const snapshotOf = async (tabId: string): Promise<void> => {
    // A page still loading has no recorder yet; its first full snapshot comes by itself.
    await host
      .evaluate(tabId, `window.${PAGE_API} ? window.${PAGE_API}.snapshot() : false`)
      .catch(() => undefined);
  };
  const show = async (tabId: string): Promise<void> => {
    shown = tabId;
    await snapshotOf(tabId);
  };
  const unsubscribe = host.on((event) => {
    if (event.type === 'tab.activated' && (options.followActiveTab ?? true)) {
      void show(event.tabId);
    }
    if (event.type === 'tab.closed' && event.tabId === shown) shown = host.activeTabId();
  });

  return {
    shownTabId: () => shown,
    show,
    requestSnapshot: async () => {
      if (shown) await snapshotOf(shown);
    },
    onShownBatch: (listener) => subscribe(shownListeners, listener),
    onAnyBatch: (listener) => subscribe(anyListeners, listener),
    stop: () => {
      stopped = true;
      unsubscribe();
    },
  };
}

function subscribe(set: Set<MirrorListener>, listener: MirrorListener): () => void {
  set.add(listener);
  return () => set.delete(listener);
}

/** Pages are untrusted: a batch is accepted only in the recorder's shape (as JSON text or not). */
function asBatch(payload: unknown): RecorderBatch | undefined {
  if (typeof payload === 'string') {
    try {
      payload = JSON.parse(payload);
    } catch {
      return undefined;
    }
  }
  const batch = payload as { url?: unknown; events?: unknown } | null;
  if (!batch || typeof batch.url !== 'string' || !Array.isArray(batch.events)) return undefined;
  if (batch.events.length > MAX_EVENTS_PER_BATCH) return undefined;
  const events = batch.events.filter(
    (event): event is eventWithTime =>
      typeof event === 'object' &&
      event !== null &&
      typeof (event as { type?: unknown }).type === 'number' &&
      typeof (event as { timestamp?: unknown }).timestamp === 'number',
  );
  return { url: batch.url, events };
}
