// A refusal as a person reads it: a sentence in their language, and what the agent said with its
// stable code only inside a "Details" disclosure.
import type { Words } from '../protocol/i18n/desktop-words.js';
import { ControlCallError } from './control-client.js';
import { element, messageOf } from './dom.js';

/** `own`: this place's sentences by code, before the shared ones; `fallback` for the rest. */
export function showFailure(
  result: HTMLElement,
  words: Words,
  error: unknown,
  fallback: string,
  own: Record<string, string> = {},
): void {
  const code = error instanceof ControlCallError ? error.code : undefined;
  const sentence = (code && (own[code] ?? words.ui.refusals[code])) || fallback;
  const details = element('details', { class: 'details' });
  details.append(element('summary', {}, words.ui.details), element('span', {}, messageOf(error)));
  result.classList.add('error');
  result.replaceChildren(element('span', {}, sentence), ' ', details);
}
