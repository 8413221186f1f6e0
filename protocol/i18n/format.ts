// Sizes and times as a person reads them, in the chosen language: sizes in KB or MB (never raw
// bytes), times in the computer's own time zone. The desktop UI, the tray and the CLI share them.
import type { Locale } from './locale.js';

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;

/** `0.4 KB`, `12 KB`, `3.5 MB`, `1.2 GB`: one decimal below 10 of a unit, none above. */
export function formatBytes(bytes: number, locale: Locale): string {
  const size = Math.max(0, bytes);
  const [value, unit] =
    size >= GB ? [size / GB, 'GB'] : size >= MB ? [size / MB, 'MB'] : [size / KB, 'KB'];
  // Something is never shown as nothing: 1 byte is 0.1 KB, not 0 KB.
  const shown = size > 0 && value < 0.1 ? 0.1 : value;
  const digits = shown < 10 ? 1 : 0;
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  }).format(shown);
  return `${number} ${unit}`;
}

/** Columns `text` takes on a terminal: a CJK (wide) character takes two. */
export function terminalWidth(text: string): number {
  let columns = 0;
  for (const char of text) columns += WIDE.test(char) ? 2 : 1;
  return columns;
}

/** `text` padded with spaces to `columns` terminal columns. */
export function padColumns(text: string, columns: number): string {
  return text + ' '.repeat(Math.max(0, columns - terminalWidth(text)));
}

const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** An ISO time as a local date and time (`timeZone` for tests; default the computer's). */
export function formatTime(iso: string, locale: Locale, timeZone?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(timeZone ? { timeZone } : {}),
  }).format(at);
}
