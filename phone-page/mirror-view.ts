// The mirrored PC page: loads the replayer script on the first mirror message (the inbox-only page
// stays small), starts a fresh replayer for every snapshot, applies patches in order, joins the
// parts of large messages, and routes the asset URLs of the replayed page through the agent.
import type { MirrorEvent, RelayMessage } from '../protocol/relay-messages.js';
import { MirrorErrorCode, type MirrorPart } from '../protocol/mirror-parts.js';
import type { MirrorPhoneApi, MirrorView } from '../mirror/replayer/mount-mirror.js';
import type * as ReplayerBundle from '../mirror/replayer/phone-bundle-entry.js';
import { loadScript } from './load-script.js';
import { MirrorError, MirrorPartJoiner } from './mirror-part-joiner.js';
import { mirrorMode, onMirrorModeChange } from './mirror-mode.js';

export const MIRROR_SCRIPT = '/m/mirror.js';

/** The replayer bundle's global (mirror/replayer/phone-bundle-entry.ts). */
type MirrorGlobal = {
  TandemMirror?: Pick<typeof ReplayerBundle, 'mountMirror' | 'rewriteAssetUrls' | 'lastPageUrl'>;
};
type Events = Parameters<MirrorView['addEvents']>[0];

/** What a mirror message meant to the page: a (new) page to show, or a change to the shown one. */
export type MirrorReceipt = 'page' | 'patch';

export class MirrorPanel {
  private view: MirrorView | undefined;
  private follow = true;
  private readonly parts = new MirrorPartJoiner();
  /** Mirror messages in arrival order, so a snapshot that arrives while loading is not overtaken. */
  private chain: Promise<void> = Promise.resolve();
  /** The recorded page (its last Meta event): relative asset URLs in patches resolve against it. */
  private pageUrl: string | undefined;

  constructor(
    private readonly container: HTMLElement,
    private readonly api: MirrorPhoneApi,
    /** The page cannot be shown (a `MirrorError` code says why, e.g. MIRROR_TOO_LARGE). */
    private readonly onFailure: (error: Error) => void,
    /** A snapshot is on screen. */
    private readonly onShown: () => void = () => undefined,
  ) {
    // Fit to the phone or the PC's layout (mirror-mode.ts): the shown page switches in place.
    onMirrorModeChange((mode) => this.view?.setMode(mode));
  }

  /** Takes the mirror's messages (snapshot, patch, part, unavailable); undefined for others. */
  receive(message: RelayMessage): MirrorReceipt | undefined {
    switch (message.type) {
      case 'mirror.snapshot':
        this.snapshot(message.payload);
        return 'page';
      case 'mirror.patch':
        this.patch(message.payload);
        return 'patch';
      case 'mirror.part':
        this.enqueue(() => this.join(message));
        return message.of === 'mirror.snapshot' ? 'page' : 'patch';
      case 'mirror.unavailable':
        this.enqueue(async () => {
          this.drop();
          throw new MirrorError(MirrorErrorCode.TooLarge, `the page is ${message.bytes} bytes`);
        });
        return 'page';
      default:
        return undefined;
    }
  }

  /** A full snapshot and what follows it: throw the old document away and start from it. */
  snapshot(events: readonly MirrorEvent[]): void {
    this.enqueue(() => this.mount(events));
  }

  /** Incremental events; dropped until a snapshot gave them a document to apply to. */
  patch(events: readonly MirrorEvent[]): void {
    this.enqueue(async () => this.add(events));
  }

  setFollow(on: boolean): void {
    this.follow = on;
    this.view?.setFollow(on);
  }

  find(action: 'query' | 'next' | 'previous' | 'clear', text?: string): void {
    this.view?.find(action, text);
  }

  /** The container may have been hidden while mounted: fit the page to the width it has now. */
  refit(): void {
    window.dispatchEvent(new Event('resize'));
  }

  /** Where the mirror's view (the section the mirror sits in) starts on screen. */
  private viewTop(): number {
    return this.container.parentElement?.getBoundingClientRect().top ?? 0;
  }

  get live(): boolean {
    return this.view !== undefined;
  }

  private async mount(events: readonly MirrorEvent[]): Promise<void> {
    await loadScript(MIRROR_SCRIPT);
    const mount = (window as MirrorGlobal).TandemMirror?.mountMirror;
    if (!mount) throw new Error('the mirror script defined no TandemMirror');
    this.view?.destroy();
    this.view = mount(this.container, this.api, {
      // The screen's height (the layout viewport: pinch zoom aside), less what sits above the
      // mirror in its view: the bar above it scrolls away (bar-hide.ts) without resizing it.
      availableHeight: () =>
        document.documentElement.clientHeight -
        (this.container.getBoundingClientRect().top - this.viewTop()),
      mode: mirrorMode(),
    });
    this.view.setFollow(this.follow);
    this.add(events);
    this.onShown();
  }

  private async join(part: MirrorPart): Promise<void> {
    let message;
    try {
      message = await this.parts.add(part);
    } catch (error) {
      // The phone's copy would go on without this message: a placeholder is truer than a stale page.
      this.drop();
      throw error;
    }
    if (message?.type === 'mirror.snapshot') await this.mount(message.payload);
    else if (message) this.add(message.payload);
  }

  /** Throws the replayed document away: patches are dropped until the next snapshot. */
  private drop(): void {
    this.view?.destroy();
    this.view = undefined;
  }

  private add(events: readonly MirrorEvent[]): void {
    const mirror = (window as MirrorGlobal).TandemMirror;
    if (!mirror) return;
    this.pageUrl = mirror.lastPageUrl(events) ?? this.pageUrl;
    const routed = mirror.rewriteAssetUrls(events, location.origin, this.pageUrl);
    this.view?.addEvents(routed as unknown as Events);
  }

  private enqueue(step: () => Promise<void>): void {
    this.chain = this.chain.then(step).catch((error: Error) => this.onFailure(error));
  }
}
