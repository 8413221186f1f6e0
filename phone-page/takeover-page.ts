// The takeover confirmation page's script (/m/takeover.js), apart from the session page's bundle:
// it reads the ticket from the fragment (it never travels in a request line), and only when the
// person taps "Move to this computer" sends it back to the server, which then moves the binding.
import { TAKEOVER_CONFIRM_PATH } from '../protocol/takeover-paths.js';
import { pickStrings, type Strings } from './i18n.js';

type Outcome = 'takeoverMoved' | 'takeoverExpired' | 'takeoverUsed' | 'takeoverWrongPhone';

const outcomeOf: Readonly<Record<string, Outcome>> = {
  TAKEOVER_TICKET_EXPIRED: 'takeoverExpired',
  TAKEOVER_TICKET_USED: 'takeoverUsed',
  TAKEOVER_TICKET_WRONG_PHONE: 'takeoverWrongPhone',
};

function byId<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

function show(strings: Strings, key: keyof Strings, tone: 'ok' | 'bad', code?: string): void {
  const result = byId('result');
  result.textContent = strings[key];
  result.dataset['tone'] = tone;
  byId<HTMLButtonElement>('move').hidden = true;
  byId<HTMLButtonElement>('cancel').hidden = true;
  // A code only inside the Details disclosure.
  const details = byId<HTMLDetailsElement>('details');
  details.hidden = !code;
  if (code) byId('code').textContent = code;
}

async function confirm(strings: Strings, ticket: string): Promise<void> {
  const move = byId<HTMLButtonElement>('move');
  move.disabled = true;
  byId<HTMLButtonElement>('cancel').disabled = true;
  move.textContent = strings.takeoverMoving;
  try {
    const response = await fetch(TAKEOVER_CONFIRM_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ticket }),
    });
    if (response.ok) return show(strings, 'takeoverMoved', 'ok');
    const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
    const code = body.error?.code ?? `HTTP ${response.status}`;
    show(strings, outcomeOf[code] ?? 'takeoverFailed', 'bad', code);
  } catch {
    show(strings, 'takeoverFailed', 'bad');
  }
}

function main(): void {
  const { lang, strings } = pickStrings(navigator.languages);
  document.documentElement.lang = lang;
  document.title = strings.takeoverTitle;
  byId('title').textContent = strings.takeoverTitle;
  byId('body').textContent = strings.takeoverBody;
  byId('details-label').textContent = strings.takeoverDetails;
  const move = byId<HTMLButtonElement>('move');
  const cancel = byId<HTMLButtonElement>('cancel');
  move.textContent = strings.takeoverMove;
  cancel.textContent = strings.takeoverCancel;
  const ticket = location.hash.slice(1);
  // The ticket leaves the address bar and the history at once.
  history.replaceState(null, '', location.pathname);
  if (!ticket) return show(strings, 'takeoverWrongPhone', 'bad');
  move.addEventListener('click', () => void confirm(strings, ticket), { once: true });
  cancel.addEventListener('click', () => show(strings, 'takeoverCancelled', 'ok'));
}

main();
