// The agent's side of the desktop UI: the status line, pause, the phones, the setup steps, a
// warning about a plain-HTTP server off this computer, and the history, polled every second and
// re-rendered in the chosen language.
import type { AgentStatusView, HistoryView } from '../protocol/control-responses.js';
import { statusLine } from '../protocol/i18n/status-line.js';
import { isInsecureRemoteServer } from '../protocol/server-reach.js';
import type { ControlClient } from './control-client.js';
import { currentLocale, currentWords, onWordsChange } from './current-words.js';
import { byId } from './dom.js';
import { historyItem } from './history-list.js';
import { startInboxPanel } from './inbox-panel.js';
import { startLanguageSwitch } from './language-switch.js';
import { applyPageWords, fillList } from './page-words.js';
import { phoneList } from './phone-list.js';

export function startAgentView(api: ControlClient): void {
  const showPhones = phoneList(api);
  const pause = byId<HTMLButtonElement>('pause');
  const renderSwitch = startLanguageSwitch(api);
  let last: { status: AgentStatusView; history: HistoryView[] } | undefined;
  let agentDown = false;

  function render(): void {
    const words = currentWords();
    const status = byId('connection');
    if (agentDown || !last) {
      if (agentDown) status.textContent = words.ui.agentDown;
      return;
    }
    const { status: agent, history } = last;
    status.textContent = statusLine(words, agent);
    pause.textContent = agent.paused ? words.ui.resume : words.ui.pause;
    pause.setAttribute('aria-pressed', String(agent.paused));
    showServerWarning(agent.serverUrl);
    const live = agent.devices.filter((d) => d.state !== 'gone');
    showPhones(live);
    byId('no-phones').hidden = live.length > 0;
    byId('no-debugging').hidden = agent.usbWithoutDebugging.length === 0;
    // The one-time setup is open while nothing is plugged in, or a phone waits for it.
    const setup = byId<HTMLDetailsElement>('setup');
    if (live.length === 0 || agent.usbWithoutDebugging.length > 0) setup.open = true;
    byId('history').replaceChildren(
      ...history.map((entry) => historyItem(api, words, currentLocale(), entry, refresh)),
    );
    byId('no-history').hidden = history.length > 0;
  }

  function renderWords(): void {
    const words = currentWords();
    applyPageWords(words, currentLocale());
    fillList(byId('setup-steps'), words.ui.setupSteps);
    fillList(byId('setup-help'), words.ui.promptHelp);
    renderSwitch();
    render();
  }

  async function refresh(): Promise<void> {
    try {
      const [status, history] = await Promise.all([api.call('status'), api.call('history')]);
      last = { status, history: history.phones };
      agentDown = false;
    } catch {
      agentDown = true;
    }
    render();
  }

  /** A plain-http server off this computer: the phone page there has no secure context. */
  function showServerWarning(serverUrl: string): void {
    const warning = byId('server-warning');
    warning.hidden = !isInsecureRemoteServer(serverUrl);
    if (!warning.hidden)
      warning.textContent = currentWords().ui.serverWarning(new URL(serverUrl).origin);
  }

  pause.addEventListener('click', () => {
    void api.call(last?.status.paused ? 'resume' : 'pause').then(refresh);
  });
  onWordsChange(renderWords);
  renderWords();
  void refresh();
  setInterval(() => void refresh(), 1000);
  startInboxPanel(api);
}
