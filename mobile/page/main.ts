// The phone page: joins the session named by its own URL, shows connection and peer state, the
// inbox of what the PC shared, and sends text, links, photos and files back. No framework.
import { FileAssembler } from '../lib/file-transfer.js';
import { RelayClient, type ClientStatus, type PeerState } from '../lib/relay-client.js';
import type { SocketLike } from '../lib/socket-like.js';
import { wireComposer } from './composer.js';
import { byId } from './dom.js';
import { pickStrings } from './i18n.js';
import { Inbox } from './inbox.js';

const { lang, strings: t } = pickStrings(navigator.languages ?? [navigator.language]);
document.documentElement.lang = lang;
for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
  node.textContent = t[node.dataset.i18n as keyof typeof t] ?? node.textContent;
}

const statusNode = byId('status');
const peerNode = byId('peer');
const banner = byId('banner');

function showStatus(status: ClientStatus, detail?: { code: string; message: string }): void {
  document.body.dataset.status = status;
  statusNode.textContent = t[status];
  banner.hidden = status === 'open' || status === 'connecting';
  banner.textContent =
    status === 'refused' ? `${t.refused} (${detail?.code ?? ''}). ${t.refusedHelp}` : t[status];
}

function showPeer(state: PeerState): void {
  document.body.dataset.peer = state;
  peerNode.textContent = { present: t.peerPresent, away: t.peerAway, absent: t.peerAbsent }[state];
}

function start(): void {
  let client: RelayClient;
  try {
    client = new RelayClient({
      url: location.href,
      role: 'phone',
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
    });
  } catch (error) {
    showStatus('refused', {
      code: (error as { code?: string }).code ?? 'SESSION_URL_INVALID',
      message: '',
    });
    return;
  }
  const inbox = new Inbox(t);
  const files = new FileAssembler();
  client.on('status', (status, detail) => showStatus(status, detail));
  client.on('peer', (state) => showPeer(state));
  client.on('message', (message) => {
    if (message.type === 'data.text') return inbox.addText(message);
    if (message.type === 'data.link') return inbox.addLink(message);
    if (!message.type.startsWith('data.file.')) return;
    void files.handle(message).then((event) => {
      if (!event) return;
      inbox.fileEvent(event);
      // Tell the PC how far we got (latest-wins, so a fast transfer sends few of these).
      const id = event.event === 'complete' ? event.file.id : event.id;
      const size =
        event.event === 'complete'
          ? event.file.bytes.length
          : event.event === 'progress'
            ? event.size
            : 0;
      const received = event.event === 'progress' ? event.received : size;
      void client.send({
        type: 'data.file.progress',
        id,
        received,
        size,
        done: event.event !== 'progress',
        ok: event.event === 'complete',
      });
    });
  });
  wireComposer((message) => client.send(message), t);
  showStatus('connecting');
  showPeer('absent');
  client.start();
  // Closing the page closes this terminal's connection, and the PC is told (patent A §5).
  addEventListener('pagehide', () => client.close());
  addEventListener('pageshow', (event) => {
    if (event.persisted) location.reload();
  });
  (globalThis as { tandem?: RelayClient }).tandem = client;
}

start();
