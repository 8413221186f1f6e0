// The phone's side of the mirror: an rrweb live replayer laid out for the phone (stage-fit.ts: at
// the phone's own width, or the PC's layout scaled down, pinch zoom left to the browser) and as
// tall as the phone allows, the PC's tab list, and the phone's gestures turned into operations.
import { Replayer, type playerConfig } from '@rrweb/replay';
import type { eventWithTime } from '@rrweb/types';
import { createFinder, type Finder, type FindResult } from '../ops/find-in-page.js';
import { renderTabList, type MirrorTab } from './tab-list.js';
import { IncrementalSource, isIncrementalFrom, NodeType } from '../../protocol/rrweb-events.js';
import type { ScrollAnchor } from '../ops/scroll-anchor.js';
import { ScrollFollow } from './scroll-follow.js';
import { StageFit, type MirrorMode } from './stage-fit.js';
import { columnOf, TapGate } from './double-tap.js';

export type { MirrorMode } from './stage-fit.js';

/** What the phone page does with the person's gestures (phone-page/ sends them over the relay). */
export interface MirrorPhoneApi {
  /** A tap on a mirrored element: click it on the PC. */
  tap(nodeId: number): void;
  /** The person typed into a mirrored field: put the same value there on the PC. */
  type(nodeId: number, value: string): void;
  /**
   * In follow mode, the phone scrolled: scroll the PC page to the same place. Fitted to the phone,
   * `anchor` tells the place by content (the element at the phone's top), as pixels differ.
   */
  scroll(x: number, y: number, anchor?: ScrollAnchor): void;
  /** The person scrolled the mirrored page to `y` (following or not; never the PC's own scroll). */
  scrolled?(y: number): void;
  showTab(tabId: string): void;
  /** Hand the URL to the phone's own browser; the default opens a new browser tab. */
  openOnPhone?(url: string): void;
}

export interface MirrorOptions {
  /**
   * How tall (phone CSS px) the replayed view may be: the room the phone page has for it. The view
   * is fitted to the width and made this tall, so more of the page shows below the PC's viewport;
   * never shorter than the PC's own aspect. Default: the PC's aspect.
   */
  availableHeight?(): number;
  /** 'fit' (default): laid out at the phone's width; 'pc': the PC's layout scaled down. */
  mode?: MirrorMode;
}

export interface MirrorView {
  /** Events from the PC, in order, as the agent sent them. */
  addEvents(events: readonly eventWithTime[]): void;
  setTabs(tabs: readonly MirrorTab[]): void;
  /** Follow mode: the phone's scrolling moves the PC page too (the PC's always moves the phone). */
  setFollow(on: boolean): void;
  /** Fit to the phone or the PC's layout; the same content stays in view. */
  setMode(mode: MirrorMode): void;
  /** Highlights matches in the mirrored copy; the counts equal the PC's for the same text. */
  find(action: 'query' | 'next' | 'previous' | 'clear', text?: string): FindResult;
  /** The replayed document, once the first full snapshot arrived. */
  document(): Document | undefined;
  /** How many events the replayer holds (diagnostics: it stays bounded in a long session). */
  keptEvents(): number;
  destroy(): void;
}

const STYLE = `.tandem-mirror{position:relative;overflow:hidden;touch-action:pan-x pan-y pinch-zoom}
.tandem-mirror iframe{border:0}
.tandem-mirror .replayer-wrapper{position:relative;transform-origin:0 0}
.tandem-mirror .replayer-mouse,.tandem-mirror canvas.replayer-mouse-tail{display:none}
.tandem-tabs{list-style:none;margin:0;padding:0}
.tandem-tab{display:flex;gap:.5em;align-items:center;padding:.25em 0}
.tandem-tab-title{flex:1;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.tandem-tab-active .tandem-tab-title{font-weight:bold}
.tandem-tab-icon{width:16px;height:16px}`;

/** Applied events the replayer may pile up before they are let go. */
const TRIM_EVERY_EVENTS = 1_000;

const BLOCKED = 'tandem-blocked';
// What the recorder blocked (cross-origin frames) arrives as an empty element of the PC's size.
const BLOCKED_FRAME_STYLE = `.${BLOCKED}{box-sizing:border-box;background:repeating-linear-gradient(45deg,#eee 0 10px,#ddd 10px 20px)}`;
/**
 * A blocked element keeps only its class and its size (`rr_width`, `rr_height`): mark it as it is
 * built, so the style above draws the placeholder.
 */
type ReplayPlugin = NonNullable<playerConfig['plugins']>[number];

const markBlocked: ReplayPlugin = {
  onBuild(node, { replayer }) {
    // Not the replayer's virtual DOM (marked when it lands); an element of the replayed document,
    // another realm than this script's (so no instanceof).
    if ('RRNodeType' in node || node.nodeType !== Node.ELEMENT_NODE) return;
    const meta = replayer.getMirror().getMeta(node as Node);
    if (meta?.type === NodeType.Element && 'rr_width' in meta.attributes) {
      (node as Element).classList.add(BLOCKED);
    }
  },
};

export function mountMirror(
  container: HTMLElement,
  api: MirrorPhoneApi,
  options: MirrorOptions = {},
): MirrorView {
  const doc = container.ownerDocument;
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const tabs = doc.createElement('ul');
  tabs.className = 'tandem-tabs';
  const stage = doc.createElement('div');
  stage.className = 'tandem-mirror';
  container.append(style, tabs, stage);

  let mode: MirrorMode = options.mode ?? 'fit';
  const scrolling = new ScrollFollow(api, () => mode);
  const replayer = new Replayer([], {
    root: stage,
    liveMode: true,
    mouseTail: false,
    triggerFocus: false,
    showWarning: false,
    insertStyleRules: [BLOCKED_FRAME_STYLE],
    plugins: [markBlocked, scrolling.plugin],
  });
  replayer.startLive();
  replayer.enableInteract();
  // Live mode never seeks back, yet rrweb keeps every event it was given: hours of a ticking page
  // would fill the phone's memory. Once the applied ones pile up, only the newest is kept (rrweb
  // orders a late event against the last one).
  const keptEvents = (): eventWithTime[] =>
    (replayer as unknown as { service: { state: { context: { events: eventWithTime[] } } } })
      .service.state.context.events;
  let sinceTrim = 0;
  const trimSoon = (count: number): void => {
    sinceTrim += count;
    if (sinceTrim < TRIM_EVERY_EVENTS) return;
    sinceTrim = 0;
    // After rrweb's own microtasks that add these events.
    void Promise.resolve().then(() => {
      const events = keptEvents();
      if (events.length > 1) events.splice(0, events.length - 1);
    });
  };

  let lastTime = 0;
  let finder: Finder | undefined;
  let wiredRoot: Element | undefined;
  // The PC echoes every value the person types; an echo arriving while they are still typing is
  // older than the field and would undo their last keys. Held here, the newest applied on blur.
  const heldInputs = new Map<number, eventWithTime>();

  const stageFit = new StageFit(
    stage,
    replayer,
    mode,
    () => options.availableHeight?.(),
    () => scrolling.restore(replayer),
  );
  // PC layout: a double tap zooms to the column tapped; a single tap goes to the PC.
  const taps = new TapGate(
    () => mode === 'pc',
    (id) => api.tap(id),
    (target) => stageFit.toggleZoom(columnOf(target)),
  );
  replayer.on('resize', (dimension) =>
    stageFit.setPcSize(dimension as { width: number; height: number }),
  );
  const view = doc.defaultView;
  const refit = (): void => stageFit.fit(true);
  view?.addEventListener('resize', refit);

  // Every full snapshot rebuilds the document (document.open drops its listeners): wire the
  // gestures again, on the new root element.
  const wire = (): void => {
    const replayed = replayer.iframe.contentDocument;
    const root = replayed?.documentElement;
    if (!replayed || !root || root === wiredRoot) return;
    wiredRoot = root;
    finder = undefined;
    heldInputs.clear();
    const idOf = (node: EventTarget | null): number =>
      node ? replayer.getMirror().getId(node as Node) : -1;
    root.addEventListener(
      'click',
      (event) => {
        event.preventDefault();
        const target = event.target as Element;
        taps.click(target, idOf(target), event.screenX, event.screenY);
      },
      true,
    );
    root.addEventListener('input', (event) => {
      const field = event.target as HTMLInputElement | HTMLTextAreaElement;
      const id = idOf(field);
      if (id > 0 && typeof field.value === 'string') api.type(id, field.value);
    });
    root.addEventListener('focusout', (event) => {
      const id = idOf(event.target);
      const held = heldInputs.get(id);
      heldInputs.delete(id);
      // The PC's own value wins once the person is done (a page may reformat what was typed).
      if (held) replay(held);
    });
    scrolling.listen(replayed, idOf);
    // The new page's width decides fit mode's scale; its stylesheets and images may widen it.
    stageFit.fit(true);
    replayed.defaultView?.addEventListener('load', () => stageFit.fitSoon());
  };
  replayer.on('fullsnapshot-rebuilded', wire);

  const replay = (event: eventWithTime): void => {
    // Replay at arrival: the PC's clock and the phone's need not agree.
    lastTime = Math.max(Date.now(), lastTime);
    replayer.addEvent({ ...event, timestamp: lastTime } as eventWithTime);
  };
  /** The mirror id of the field the person is typing in, or -1. */
  const typingIn = (): number => {
    const replayed = replayer.iframe.contentDocument;
    if (doc.activeElement !== replayer.iframe || !replayed?.hasFocus()) return -1;
    const field = replayed.activeElement;
    return field && field !== replayed.body ? replayer.getMirror().getId(field) : -1;
  };

  return {
    addEvents(events) {
      for (const event of events) {
        const data = event.data as { id?: number };
        if (!scrolling.admit(event)) continue;
        if (isIncrementalFrom(event, IncrementalSource.Input) && data.id === typingIn()) {
          heldInputs.set(data.id, event);
          continue;
        }
        replay(event);
      }
      trimSoon(events.length);
      if (mode === 'fit') stageFit.fitSoon();
    },
    setTabs(list) {
      renderTabList(tabs, list, {
        showTab: (tabId) => api.showTab(tabId),
        openOnPhone: (url) =>
          api.openOnPhone ? api.openOnPhone(url) : view?.open(url, '_blank', 'noopener'),
      });
    },
    setFollow(on) {
      scrolling.follow = on;
    },
    setMode(next) {
      mode = next;
      stageFit.setMode(next);
      scrolling.restore(replayer);
    },
    find(action, text) {
      const replayed = replayer.iframe.contentDocument;
      if (!replayed) return { count: 0, index: 0 };
      finder ??= createFinder(replayed);
      if (action === 'query') return finder.query(text ?? '');
      if (action === 'next') return finder.next();
      if (action === 'previous') return finder.previous();
      return finder.clear();
    },
    document: () => replayer.iframe.contentDocument ?? undefined,
    keptEvents: () => keptEvents().length,
    destroy() {
      taps.cancel();
      view?.removeEventListener('resize', refit);
      replayer.destroy();
      container.replaceChildren();
    },
  };
}
