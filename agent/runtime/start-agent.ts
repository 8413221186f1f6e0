// Starts the desktop agent: the embedded pairing server (unless an external one is given), the
// phone watcher, one pairing flow per phone, and the local control API the UI and CLI talk to.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ensureDataDir } from '../../db/data-dir.js';
import { HistoryStore } from '../../db/agent/history-store.js';
import { createAdbClient, DEFAULT_ADB_PORT } from '../../native-bridge/adb/client.js';
import { locateAdb } from '../../native-bridge/adb/locate-adb.js';
import { PhoneWatcher } from '../../native-bridge/watcher/phone-watcher.js';
import { AssetProxy } from '../browser/asset-proxy.js';
import { registerAssetRoute } from '../browser/asset-route.js';
import {
  defaultBrowserMode,
  startBrowserRuntime,
  type BrowserRuntime,
} from '../session/browser-runtime.js';
import { SessionManager } from '../session/session-manager.js';
import { linkServerUrl } from './link-url.js';
import { createSendToPhone, shownPageOf } from '../session/send-to-phone.js';
import { startServer, type RunningServer } from '../../server/listen.js';
import {
  insecureServerWarning,
  isInsecureRemoteServer,
  loopbackServerPort,
} from '../../protocol/server-reach.js';
import { removeAgentFile, writeAgentFile } from '../control/agent-file.js';
import type { AgentControl } from '../control/control-api.js';
import { startControlServer, type ControlServer } from '../control/control-server.js';
import { createLogger } from '../log.js';
import { PairingOrchestrator } from '../pairing/orchestrator.js';
import type { PhoneStatus } from '../pairing/states.js';
import { checkAgentOptions, type AgentOptions } from './agent-options.js';
import { createAgentControl } from './agent-control.js';
import { openSettingsStore } from '../settings/settings-store.js';
import { inboxFolder } from '../inbox/inbox-folder.js';
import type { InboxStore } from '../inbox/inbox-store.js';
import { startInbox } from '../inbox/start-inbox.js';
import { createPairingPorts } from './real-pairing-ports.js';
import { createTakeoverPorts } from './takeover-ports.js';
import { serverAccount } from './server-account.js';
import { assertAccountKept } from './store-accounts.js';
import { watchPairingServer } from './watch-server.js';

export interface RunningAgent {
  readonly control: AgentControl;
  readonly orchestrator: PairingOrchestrator;
  readonly controlUrl: string;
  /** The control UI, token included, for a browser tab. */
  readonly uiUrl: string;
  readonly serverUrl: string;
  /** The embedded server, when the agent runs one. */
  readonly embeddedServer: RunningServer | undefined;
  /** Creates a session for a phone without a cable; returns the URL to open on it (secret inside). */
  openLinkSession(): Promise<string>;
  /** The PC browsing session the phones mirror (absent with `browser: 'off'`). */
  readonly browser: BrowserRuntime | undefined;
  readonly sessions: SessionManager;
  /** What phones sent (text, links, images, files), newest first. */
  readonly inbox: InboxStore;
  stop(): Promise<void>;
}

export async function startAgent(input: AgentOptions): Promise<RunningAgent> {
  const options = checkAgentOptions(input);
  const log = createLogger('agent');
  const dataDir = ensureDataDir(options.dataDir);
  const history = HistoryStore.open({ dataDir });
  const settings = openSettingsStore(dataDir, (message) => log.warn(message));
  try {
    assertAccountKept(history);
  } catch (error) {
    history.close();
    throw error;
  }
  const cleanups: (() => Promise<void> | void)[] = [() => history.close()];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await Promise.resolve(step()).catch(() => undefined);
  };

  try {
    // The phone fetches the mirrored pages' images through the agent: each session with its own
    // token, only URLs recorded while it is open (or the tabs' favicons).
    const assets = new AssetProxy();
    let embeddedServer: RunningServer | undefined;
    if (!options.serverUrl) {
      embeddedServer = await startServer({
        dataDir: join(dataDir, 'server'),
        host: options.serverHost ?? '127.0.0.1',
        port: options.serverPort ?? 0,
        exposeStats: options.exposeServerStats ?? false,
        extend: (app) => registerAssetRoute(app, assets),
      });
      cleanups.push(() => embeddedServer?.close());
    }
    const serverUrl = options.serverUrl ?? (embeddedServer as RunningServer).url;
    if (options.serverUrl && isInsecureRemoteServer(options.serverUrl)) {
      log.warn({ serverUrl: new URL(serverUrl).origin }, insecureServerWarning(serverUrl));
    }

    const browserMode = options.browser ?? defaultBrowserMode();
    let browser: BrowserRuntime | undefined;
    if (browserMode !== 'off') {
      browser = await startBrowserRuntime({
        dataDir,
        mode: browserMode,
        assets,
        createHost: options.createBrowserHost,
        maskAllInputs: options.maskAllInputs,
      });
      cleanups.push(() => browser?.stop());
      const shown = browser;
      assets.allowFavicons(() => shown.tabs().map((tab) => tab.favicon));
    }

    const adbOptions = {
      host: options.adbHost,
      port: options.adbPort,
      startServer: options.startAdbServer ?? true,
      adbPath: locateAdb({ bundledDir: options.bundledAdbDir }).path,
    };
    const adb = createAdbClient(adbOptions);
    // A server on this computer is out of the phone's reach but through adb reverse, embedded or
    // not; any other is handed to the phone as it is (protocol/server-reach.ts).
    const reversePort = embeddedServer?.port ?? loopbackServerPort(serverUrl);
    const sessions = new SessionManager({
      adb,
      serverUrl,
      reversePort,
      browser,
      // Files go to the person's inbox folder (Downloads/Tandem or the one chosen in the settings).
      receivedDir: () => inboxFolder(settings.get()),
      log: createLogger('session'),
    });
    cleanups.push(() => sessions.closeAll());
    // The embedded server moves to a new port each start; its account must stay the same one.
    const withClient = serverAccount({ store: history, serverUrl, embedded: !!embeddedServer });
    const ports = createPairingPorts({
      adb,
      history,
      withClient,
      identityTimeoutMs: options.identityTimeoutMs,
      onSession: (serial, session) => {
        assets.openSession(serial, session);
        return sessions.open(serial, session);
      },
    });
    ports.takeover = createTakeoverPorts({ adb, withClient, serverUrl, reversePort });
    const orchestrator = new PairingOrchestrator(ports, { paused: options.paused ?? false });
    orchestrator.on('change', (status) => {
      // Stopping ends every flow; that is not an unplug, so it is not told as one.
      if (orchestrator.stopping) return;
      log.info(
        {
          serial: status.serial,
          masked: status.identity?.masked,
          state: status.state,
          reason: status.reason,
        },
        describe(status),
      );
    });
    sessions.attach(orchestrator);
    const inbox = startInbox({
      dataDir,
      sessions,
      phone: (serial) => orchestrator.list().find((status) => status.serial === serial),
      opener: options.fileOpener,
      openLink: browser?.open.bind(browser),
      folder: () => inboxFolder(settings.get()),
      warn: (message) => log.warn(message),
    });
    cleanups.push(() => inbox.stop());
    // The same rule as the sessions': a phone neither connecting nor connected has no session.
    orchestrator.on('change', (status) => {
      if (status.state !== 'connecting' && status.state !== 'connected') {
        assets.closeSession(status.serial);
      }
    });
    cleanups.push(() => orchestrator.settle());
    cleanups.push(() => orchestrator.stop());
    // An external server can die on its own: watch it while a phone depends on it.
    if (options.serverUrl) {
      const liveness = watchPairingServer(serverUrl, orchestrator, log);
      cleanups.push(() => liveness.stop());
    }

    const watcher = new PhoneWatcher({
      ...adbOptions,
      usb: options.usb ?? true,
      logger: { warn: (message) => log.warn(message) },
    });
    watcher.on('event', (event) => orchestrator.handle(event));
    cleanups.push(() => watcher.stop());
    await watcher.start();

    const sendToPhone = createSendToPhone({
      phones: () => orchestrator.list(),
      session: (serial) => sessions.session(serial),
      page: browser ? shownPageOf(browser) : undefined,
    });
    const control = createAgentControl({
      settings,
      orchestrator,
      history,
      ports,
      serverUrl,
      browser,
      sendToPhone,
      inbox: inbox.control,
      sessionOf: (serial) => sessions.session(serial),
    });
    const token = randomBytes(32).toString('hex');
    const controlServer: ControlServer = await startControlServer(
      control,
      token,
      options.controlPort ?? 0,
    );
    cleanups.push(() => controlServer.close());
    writeAgentFile(dataDir, {
      pid: process.pid,
      controlUrl: controlServer.url,
      token,
      serverUrl,
      startedAt: new Date().toISOString(),
      adbHost: adbOptions.host ?? '127.0.0.1',
      adbPort: adbOptions.port ?? DEFAULT_ADB_PORT,
    });
    cleanups.push(() => removeAgentFile(dataDir));
    log.info({ controlUrl: controlServer.url, serverUrl }, 'agent started');

    return {
      control,
      orchestrator,
      controlUrl: controlServer.url,
      uiUrl: `${controlServer.url}/?token=${token}`,
      serverUrl,
      embeddedServer,
      browser,
      sessions,
      inbox: inbox.store,
      openLinkSession: async () => {
        const session = await withClient((client) => client.createSession());
        assets.openSession(`link:${session.sessionId}`, session);
        return sessions.openLink(session, linkServerUrl(options, embeddedServer));
      },
      stop: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** One log line per state change: masked identity only, never the raw value. */
export function describe(status: PhoneStatus): string {
  const who = status.identity ? `${status.model} ${status.identity.masked}` : status.serial;
  const why = status.reason ? ` (${status.reason})` : '';
  return `${status.serial} ${who}: ${status.state}${why}`;
}
