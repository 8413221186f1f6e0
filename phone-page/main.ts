// The phone page: joins the session named by its own URL, shows connection and peer state, the
// inbox of what the PC shared, and sends text, links, photos and files back. No framework.
import { FileAssembler, progressMessageFor } from '../relay-client/file-transfer.js';
import { RelayClient, type ClientStatus, type PeerState } from '../relay-client/relay-client.js';
import type { SocketLike } from '../relay-client/socket-like.js';
import type { RelayMessage } from '../protocol/relay-messages.js';
import { wireComposer } from './composer.js';
import { byId } from './dom.js';
import { pickStrings } from './i18n.js';
import { Inbox } from './inbox.js';
import { wireMirrorControls } from './mirror-controls.js';
import { isMirrorTooLarge } from './mirror-part-joiner.js';
import { MirrorPanel } from './mirror-view.js';
import { addMirrorModeToggle } from './mirror-mode.js';
import { wireSlimBar, type SlimBar } from './slim-bar.js';
import { scrollOp } from './scroll-op.js';
import { installSealingFallback } from './sealing-fallback.js';
import { withTabSeat, type TabSeat } from './tab-seat.js';

const { lang, strings: t } = pickStrings(navigator.languages ?? [navigator.language]);
document.documentElement.lang = lang;
for (const node of document.querySelectorAll<HTMLElement>('[data-i18n]')) {
  node.textContent = t[node.dataset.i18n as keyof typeof t] ?? node.textContent;
}
for (const node of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
  node.setAttribute('aria-label', t[node.dataset.i18nLabel as keyof typeof t] ?? '');
}

const statusNode = byId('status');
const peerNode = byId('peer');
const banner = byId('banner');

function showStatus(shown: ClientStatus, detail?: { code: string; message: string }): void {
  // Another tab holds the session: its notice tells the truth; a late retry here is not news.
  const status = document.body.dataset.seat === 'elsewhere' ? 'closed' : shown;
  document.body.dataset.status = status;
  statusNode.textContent = t[status];
  banner.hidden = status === 'open' || status === 'connecting';
  banner.textContent = status === 'refused' ? `${t.refused}. ${t.refusedHelp}` : t[status];
  // The code is for whoever helps, not in the person's face: under Details only.
  if (status === 'refused' && detail?.code) {
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = t.details;
    details.append(summary, detail.code);
    banner.append(' ', details);
  }
}

function showPeer(state: PeerState): void {
  document.body.dataset.peer = state;
  peerNode.textContent = { present: t.peerPresent, away: t.peerAway, absent: t.peerAbsent }[state];
}

/** "Mirror" or "Inbox" as the main area; the switch appears once the PC streams. */
function showView(view: 'mirror' | 'inbox', panel: MirrorPanel, bar: SlimBar): void {
  byId('views').hidden = false;
  byId('mirror-view').hidden = view !== 'mirror';
  byId('inbox-view').hidden = view !== 'inbox';
  byId('view-mirror').setAttribute('aria-pressed', String(view === 'mirror'));
  byId('view-inbox').setAttribute('aria-pressed', String(view === 'inbox'));
  document.body.dataset.view = view;
  if (view === 'inbox') bar.inboxShown();
  if (view === 'mirror') panel.refit();
}

function wireMirror(
  client: RelayClient,
  bar: SlimBar,
  panelReady: (panel: MirrorPanel) => void,
): (message: RelayMessage) => boolean {
  const send = (message: RelayMessage): void => void client.send(message).catch(() => undefined);
  const empty = byId('mirror-empty');
  const panel = new MirrorPanel(
    byId('mirror'),
    {
      tap: (nodeId) => send({ type: 'op.click', ref: String(nodeId) }),
      type: (nodeId, value) => send({ type: 'op.input', ref: String(nodeId), value }),
      scroll: (x, y, anchor) => send(scrollOp(x, y, anchor)),
      scrolled: (y) => bar.scrolled(y),
      showTab: (tabId) => send({ type: 'op.tab', action: 'show', tabId }),
    },
    (error) => {
      empty.hidden = false;
      empty.textContent = isMirrorTooLarge(error) ? t.mirrorTooLarge : t.mirrorFailed;
    },
    () => (empty.hidden = true),
  );
  panelReady(panel);
  const controls = wireMirrorControls((message) => client.send(message), panel, t);
  addMirrorModeToggle(byId('menu').querySelector('.menu-row') ?? byId('menu'), t.mirrorPcLayout);
  byId('view-mirror').addEventListener('click', () => showView('mirror', panel, bar));
  byId('view-inbox').addEventListener('click', () => showView('inbox', panel, bar));
  let shown = false;
  return (message) => {
    const mirror = panel.receive(message);
    // The first time the PC streams, the mirror becomes the main area.
    if (mirror === 'page' && !shown) showView('mirror', panel, bar);
    if (mirror === 'page') shown = true;
    if (mirror) return true;
    if (message.type === 'mirror.tabs') controls.setTabs(message.tabs);
    else if (message.type === 'find.result') controls.showFindResult(message);
    else return false;
    return true;
  };
}

/** Two of the relay's 15 s heartbeats and some: how long a dead connection can hold the seat. */
const SEAT_WAIT_MS = 45_000;

function start(seat: TabSeat): () => void {
  installSealingFallback();
  let client: RelayClient;
  try {
    client = new RelayClient({
      url: location.href,
      role: 'phone',
      createSocket: (url) => new WebSocket(url) as unknown as SocketLike,
      // A reload can come back before the relay notices the old page's connection died.
      seatWaitMs: SEAT_WAIT_MS,
    });
  } catch (error) {
    showStatus('refused', {
      code: (error as { code?: string }).code ?? 'SESSION_URL_INVALID',
      message: '',
    });
    return () => undefined;
  }
  let panel: MirrorPanel | undefined;
  const bar = wireSlimBar(t, lang, () => panel?.refit());
  const inbox = new Inbox(t, lang, () => bar.arrived());
  const files = new FileAssembler();
  client.on('status', (status, detail) => {
    showStatus(status, detail);
    bar.show();
  });
  client.on('peer', (state) => showPeer(state));
  const mirrorMessage = wireMirror(client, bar, (ready) => (panel = ready));
  client.on('message', (message) => {
    if (mirrorMessage(message)) return;
    if (message.type === 'data.text') return inbox.addText(message);
    if (message.type === 'data.link') return inbox.addLink(message);
    if (!message.type.startsWith('data.file.')) return;
    void files.handle(message).then((event) => {
      if (!event) return;
      inbox.fileEvent(event);
      // Tell the PC how far we got (latest-wins, so a fast transfer sends few of these).
      void client.send(progressMessageFor(event));
    });
  });
  wireComposer((message) => client.send(message), t);
  showStatus('connecting');
  showPeer('absent');
  client.start();
  seat.hold(() => {
    client.close();
    showStatus('closed');
  });
  // Closing the page closes this terminal's connection, and the PC is told.
  addEventListener('pagehide', () => client.close());
  addEventListener('pageshow', (event) => {
    if (event.persisted) location.reload();
  });
  (globalThis as { tandem?: RelayClient }).tandem = client;
  return () => {
    client.close();
    showStatus('closed');
  };
}

withTabSeat(t, start);
