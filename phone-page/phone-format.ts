// A short local time for the phone's inbox: the time today, the date and time before.
import type { Locale } from '../protocol/i18n/locale.js';

export function timeText(at: number, locale: Locale, now = Date.now()): string {
  const date = new Date(at);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return new Intl.DateTimeFormat(
    locale,
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' },
  ).format(date);
}
