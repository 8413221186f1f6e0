// The PC's browsing session the phones mirror: one browser host, its recorder stream and the asset
// proxy, shared by every phone session of the agent.
import { join } from 'node:path';
import type { AssetProxy } from '../browser/asset-proxy.js';
import type { BrowserHost, TabInfo } from '../browser/browser-host.js';
import { launchChromiumHost } from '../browser/chromium-host.js';
import { startMirrorStream, type MirrorStream } from '../browser/mirror-stream.js';
import { performOperation } from '../browser/operations.js';
import type { BrowserOperation, OperationResult } from '../browser/operation-types.js';

export type BrowserMode = 'headed' | 'headless';

export interface BrowserRuntime {
  readonly host: BrowserHost;
  readonly mirror: MirrorStream;
  readonly assets: AssetProxy;
  tabs(): TabInfo[];
  perform(op: BrowserOperation): Promise<OperationResult>;
  /** Opens a URL in a new active tab (`tandem open`). */
  open(url: string): Promise<TabInfo>;
  stop(): Promise<void>;
}

/** Headed for a person where a display exists; headless elsewhere (CI, servers). */
export function defaultBrowserMode(env = process.env, platform = process.platform): BrowserMode {
  if (platform !== 'linux') return 'headed';
  return env.DISPLAY || env.WAYLAND_DISPLAY ? 'headed' : 'headless';
}

export async function startBrowserRuntime(options: {
  dataDir: string;
  mode: BrowserMode;
  assets: AssetProxy;
  /** Another host than the system Chromium (the Electron shell passes its own). */
  createHost?: () => Promise<BrowserHost>;
  /** Mask every input's value on the phone, not only passwords (which are always masked). */
  maskAllInputs?: boolean;
}): Promise<BrowserRuntime> {
  const host = options.createHost
    ? await options.createHost()
    : await launchChromiumHost({
        profileDir: join(options.dataDir, 'browser-profile'),
        headless: options.mode === 'headless',
      });
  try {
    const mirror = await startMirrorStream(host, {
      recorder: { maskAllInputs: options.maskAllInputs ?? false },
    });
    mirror.onAnyBatch((_tabId, batch) => options.assets.observe(batch.events, batch.url));
    return {
      host,
      mirror,
      assets: options.assets,
      tabs: () => host.tabs(),
      perform: async (op) => {
        const tabId = mirror.shownTabId() ?? host.activeTabId();
        if (!tabId) return {};
        return performOperation({ host, tabId, show: (id) => mirror.show(id) }, op);
      },
      open: async (url) => {
        const tab = await host.open(url, { activate: true });
        await mirror.show(tab.id);
        return tab;
      },
      stop: async () => {
        mirror.stop();
        await host.shutdown();
      },
    };
  } catch (error) {
    await host.shutdown().catch(() => undefined);
    throw error;
  }
}
