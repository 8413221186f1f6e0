// One phone's state as a person reads it: a badge word, a sentence to act on, and the code (for a
// "Details" disclosure only, never in the sentence). A normal step carries no code.
import type { Words } from './desktop-words.js';

export interface PhoneStateView {
  state: string;
  reason?: string | undefined;
}

export interface PhoneStateWords {
  badge: string;
  hint: string;
  /** The stable code behind an error, for Details; absent on normal steps. */
  code?: string;
  tone: 'ok' | 'working' | 'attention' | 'error';
}

const toneOf: Record<string, PhoneStateWords['tone']> = {
  connected: 'ok',
  unauthorized: 'attention',
  'bound-elsewhere': 'attention',
  failed: 'error',
};

/** Reasons that are states of the flow, not errors: no code shown. */
const normalReasons = new Set(['PAUSED', 'RELEASED', 'SESSION_CLOSED']);

export function phoneStateWords(words: Words, phone: PhoneStateView): PhoneStateWords {
  const ui = words.ui;
  const badge =
    phone.state === 'detected' && phone.reason === 'PAUSED'
      ? words.states.paused
      : ((words.states as Record<string, string>)[phone.state] ?? phone.state);
  const tone = toneOf[phone.state] ?? 'working';
  let hint = (ui.hints as Record<string, string>)[phone.state] ?? '';
  if (phone.reason === 'PAUSED') hint = ui.hints.paused;
  else if (phone.reason === 'RELEASED') hint = ui.hints.released;
  else if (phone.reason === 'SESSION_CLOSED') hint = ui.hints.sessionClosed;
  else if (phone.reason && ui.reasons[phone.reason]) hint = ui.reasons[phone.reason] ?? hint;
  const code = phone.reason && !normalReasons.has(phone.reason) ? phone.reason : undefined;
  return { badge, hint, tone, ...(code ? { code } : {}) };
}
