// The agent's side of the desktop UI: whether pairing is paused, the phones, the USB-debugging
// hint, a warning about a plain-HTTP server off this computer, and the history, polled every
// second; the pause button toggles pairing.
import { insecureServerWarning, isInsecureRemoteServer } from '../protocol/server-reach.js';
import type { ControlClient } from './control-client.js';
import { byId, messageOf } from './dom.js';
import { historyItem } from './history-list.js';
import { startInboxPanel } from './inbox-panel.js';
import { phoneList } from './phone-list.js';

export function startAgentView(api: ControlClient): void {
  const showPhones = phoneList(api);
  const pause = byId<HTMLButtonElement>('pause');
  let paused = false;

  async function refresh(): Promise<void> {
    try {
      const [status, history] = await Promise.all([api.call('status'), api.call('history')]);
      paused = status.paused;
      byId('connection').textContent = paused
        ? 'Pairing is paused.'
        : 'Ready: plug a phone in to pair.';
      showServerWarning(status.serverUrl);
      pause.textContent = paused ? 'Resume pairing' : 'Pause pairing';
      pause.setAttribute('aria-pressed', String(paused));
      const live = status.devices.filter((d) => d.state !== 'gone');
      showPhones(live);
      byId('no-phones').hidden = live.length > 0;
      byId('no-debugging').hidden = status.usbWithoutDebugging.length === 0;
      byId('history').replaceChildren(
        ...history.phones.map((entry) => historyItem(api, entry, refresh)),
      );
    } catch (error) {
      byId('connection').textContent = `The Tandem agent is not answering (${messageOf(error)}).`;
    }
  }

  /** A plain-http server off this computer: the phone page there has no secure context. */
  function showServerWarning(serverUrl: string): void {
    const warning = byId('server-warning');
    warning.hidden = !isInsecureRemoteServer(serverUrl);
    if (!warning.hidden) warning.textContent = insecureServerWarning(serverUrl);
  }

  pause.addEventListener('click', () => void api.call(paused ? 'resume' : 'pause').then(refresh));
  void refresh();
  setInterval(() => void refresh(), 1000);
  startInboxPanel(api);
}
