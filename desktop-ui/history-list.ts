// "Paired before": the phones this computer paired (masked identities only), each with Forget.
import type { HistoryView } from '../protocol/control-responses.js';
import type { ControlClient } from './control-client.js';

export function historyItem(
  api: ControlClient,
  entry: HistoryView,
  refresh: () => Promise<void>,
): HTMLLIElement {
  const li = document.createElement('li');
  li.textContent = `${entry.model || entry.manufacturer} ${entry.masked} — connected ${entry.timesConnected}×, last ${new Date(entry.lastSeenAt).toLocaleString()}`;
  const forget = document.createElement('button');
  forget.type = 'button';
  forget.textContent = 'Forget';
  forget.setAttribute('aria-label', `Forget ${entry.masked}`);
  forget.addEventListener(
    'click',
    () => void api.call('forget', { target: entry.masked }).then(refresh),
  );
  li.append(' ', forget);
  return li;
}
