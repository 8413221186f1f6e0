// The AgentControl the local control API and the Electron shell use: status, pause, history,
// forget and release, on top of the orchestrator and the history store.
import type { HistoryStore } from '../../db/agent/history-store.js';
import type { AgentControl } from '../control/control-api.js';
import { ControlError } from '../control/control-error.js';
import { findOnePaired, forgetPaired, toHistoryView as toView } from './history-view.js';
import type { PairingOrchestrator } from '../pairing/orchestrator.js';
import type { PairingPorts } from '../pairing/pairing-ports.js';
import type { BrowserRuntime } from '../session/browser-runtime.js';
import type { SendToPhone } from '../session/send-to-phone.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { InboxControl } from '../inbox/inbox-control.js';
import { navigationTarget } from '../../mirror/ops/navigation-target.js';
import { operationFor } from '../control/browser-request.js';
import { phoneActions } from './phone-actions.js';

export function createAgentControl(deps: {
  orchestrator: PairingOrchestrator;
  history: HistoryStore;
  ports: PairingPorts;
  serverUrl: string;
  browser?: BrowserRuntime | undefined;
  sendToPhone?: SendToPhone | undefined;
  settings: SettingsStore;
  /** The live session of a phone, for "Open on the phone again". */
  sessionOf?: (serial: string) => { reopen(): Promise<void> } | undefined;
  inbox?: InboxControl;
}): AgentControl {
  const { orchestrator, history } = deps;

  return {
    status: () => ({
      paused: orchestrator.isPaused,
      serverUrl: deps.serverUrl,
      devices: orchestrator.list(),
      usbWithoutDebugging: orchestrator
        .phonesWithoutDebugging()
        .map(({ vendorId, productId, productName }) => ({ vendorId, productId, productName })),
    }),
    ...(deps.browser ? { open: openIn(deps.browser), browser: browserBar(deps.browser) } : {}),
    ...(deps.sendToPhone ? { send: deps.sendToPhone } : {}),
    settings: deps.settings,
    ...(deps.inbox ? { inbox: deps.inbox } : {}),
    phones: phoneActions(orchestrator, (serial) => deps.sessionOf?.(serial)),
    pause: () => orchestrator.pause(),
    resume: () => orchestrator.resume(),
    history: () => history.list().map(toView),
    forget: async (target) => forgetPaired(history, target),
    release: async (target) => {
      const phone = findOnePaired(history, target);
      // The server knows the phone only by its own keyed hash of the raw identity, which exists
      // only in memory while the phone is attached.
      const attached = orchestrator
        .list()
        .map((status) => orchestrator.phone(status.serial)?.identified)
        .find((p) => p && history.find(p.identity)?.identityHash === phone.identityHash);
      if (!attached) {
        throw new ControlError(
          'RELEASE_NEEDS_PHONE',
          `plug ${phone.maskedIdentity} in to release its binding (tandem forget only removes it here)`,
          409,
        );
      }
      await deps.ports.server.release(attached.identity);
      history.forget(phone.identityHash);
      for (const status of orchestrator.list()) {
        const pairing = orchestrator.phone(status.serial);
        if (pairing?.identified === attached) pairing.released();
      }
      return toView(phone);
    },
  };
}

/** The desktop browser bar: the tabs as the phone sees them (the shown one active), and its actions. */
function browserBar(browser: BrowserRuntime): NonNullable<AgentControl['browser']> {
  const tabs = () => {
    const shown = browser.mirror.shownTabId() ?? browser.host.activeTabId();
    return browser.tabs().map((tab) => ({ ...tab, active: tab.id === shown }));
  };
  return {
    tabs,
    act: async (request) => {
      if (request.action === 'open') await browser.open(navigationTarget(request.input));
      else await browser.perform(operationFor(request));
      return tabs();
    },
  };
}

function openIn(browser: BrowserRuntime): (url: string) => Promise<{ tabId: string; url: string }> {
  return async (url) => {
    const tab = await browser.open(url);
    return { tabId: tab.id, url: tab.url };
  };
}
