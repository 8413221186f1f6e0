// One tab holds a session on this phone. The same link opened in a second tab would be refused by
// the relay (the seat is live) and keep retrying; instead the tabs talk over a BroadcastChannel
// (same origin): a new tab asks whether the session is held, and if so says so plainly with
// "Use here", which asks the holder to let go (it says goodbye to the relay, freeing the seat at
// once) and shows the same notice, with its own "Use here".
import { byId } from './dom.js';
import type { Strings } from './i18n.js';

/** How long after opening an answer from a holding tab still stops this one. */
const ASK_MS = 1000;
const TAKE_FLAG = 'tandem.take';

type SeatMessage = { t: 'held?' | 'held' | 'take'; session: string };

export interface TabSeat {
  /** This tab holds the session now: answer other tabs, and let go when one takes it. */
  hold(letGo: () => void): void;
}

/**
 * Connects at once (no wait on a normal open) and asks the other tabs meanwhile; when one holds
 * the session, this tab's connection stops and the notice offers "Use here".
 */
export function withTabSeat(t: Strings, connect: (seat: TabSeat) => () => void): void {
  // The page id in the path names the session; the secret in the query never goes on the channel.
  const session = location.pathname;
  const Channel = globalThis.BroadcastChannel;
  if (!Channel) {
    connect({ hold: () => undefined });
    return;
  }
  const channel = new Channel('tandem-seat');
  const post = (m: SeatMessage['t']) => channel.postMessage({ t: m, session } as SeatMessage);
  const takeHere = () => {
    post('take');
    sessionStorage.setItem(TAKE_FLAG, '1');
    location.reload();
  };
  let holding = false;
  let letGo = (): void => {};
  const seat: TabSeat = {
    hold(release) {
      holding = true;
      letGo = release;
    },
  };
  const taken = sessionStorage.getItem(TAKE_FLAG) !== null;
  sessionStorage.removeItem(TAKE_FLAG);
  const asked = Date.now();
  const stop = connect(seat);
  channel.addEventListener('message', (event: MessageEvent<SeatMessage>) => {
    const message = event.data;
    if (message?.session !== session) return;
    if (message.t === 'held' && !taken && Date.now() - asked < ASK_MS) {
      // Another tab has it: stop waiting for its seat, and say so.
      holding = false;
      stop();
      showNotice(t.otherTab, takeHere);
      return;
    }
    if (!holding) return;
    if (message.t === 'held?') post('held');
    if (message.t === 'take') {
      holding = false;
      letGo();
      showNotice(t.movedTab, takeHere);
    }
  });
  if (!taken) post('held?');
}

function showNotice(text: string, useHere: () => void): void {
  const notice = byId('seat-notice');
  const button = byId<HTMLButtonElement>('use-here');
  byId('seat-text').textContent = text;
  notice.hidden = false;
  button.onclick = useHere;
  document.body.dataset.seat = 'elsewhere';
}
