// The agent's settings, checked once and frozen.
import type { BrowserHost } from '../browser/browser-host.js';
import type { FileOpener } from '../inbox/system-opener.js';

export interface AgentOptions {
  /** The data folder (history, keys, agent.json; the embedded server keeps its own in `server/`). */
  dataDir: string;
  /** An external pairing server; when absent the agent embeds one on loopback. */
  serverUrl?: string;
  /**
   * Address the embedded server listens on: 127.0.0.1 (default, phones by cable only) or a LAN
   * address / 0.0.0.0 so a phone without a cable can open a session from a QR code.
   */
  serverHost?: string;
  /** Port of the embedded server (0 = any free port). */
  serverPort?: number;
  adbHost?: string;
  /**
   * The folder of the adb that ships with the installed app (resources/platform-tools), preferred
   * over ADB, PATH and the SDK folders. The Electron shell passes it when packaged.
   */
  bundledAdbDir?: string;
  adbPort?: number;
  /** Whether the agent may start the adb server itself (default true). */
  startAdbServer?: boolean;
  /** Watch USB hotplug (default true). */
  usb?: boolean;
  /** Start with automatic pairing paused. */
  paused?: boolean;
  /** Port of the local control API (0 = any free port). */
  controlPort?: number;
  /** Bound on one identity read. */
  identityTimeoutMs?: number;
  /** The PC browser session the phones mirror: a visible window, headless, or none. */
  browser?: 'headed' | 'headless' | 'off';
  /** Mask every input's value in the mirror, not only passwords (which are always masked). */
  maskAllInputs?: boolean;
  /** A browser host other than the system Chromium: the Electron shell's WebContentsView tabs. */
  createBrowserHost?: () => Promise<BrowserHost>;
  /** Expose the embedded server's request counters (tests and benchmarks). */
  exposeServerStats?: boolean;
  /**
   * Opens inbox files and shows them in their folder: the Electron shell's `shell`; default the
   * system's (xdg-open, open, explorer). Tests pass a stand-in that launches nothing.
   */
  fileOpener?: FileOpener;
}

export function checkAgentOptions(options: AgentOptions): Readonly<AgentOptions> {
  if (!options.dataDir) throw new TypeError('dataDir is required');
  for (const key of ['serverPort', 'adbPort', 'controlPort'] as const) {
    const value = options[key];
    if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > 65_535)) {
      throw new RangeError(`${key} must be a TCP port, got ${value}`);
    }
  }
  if (options.serverUrl !== undefined) new URL(options.serverUrl);
  return Object.freeze({ ...options });
}
