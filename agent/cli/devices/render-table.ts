// The human view of `tandem devices`: an aligned table, then one line of advice per phone that needs
// it, in the person's language (English unless `words` say otherwise).
import { commandWords, type CommandWords } from '../../../protocol/i18n/cli-command-words.js';
import type { DeviceRow } from './device-rows.js';
import { padColumns as pad, terminalWidth as width } from '../../../protocol/i18n/format.js';

type DeviceWords = CommandWords['devices'];

export function renderDeviceTable(
  rows: DeviceRow[],
  words: DeviceWords = commandWords.en.devices,
): string {
  if (rows.length === 0) return `${words.noPhones}\n`;
  const header = words.header;
  const cells = rows.map((row) => [
    row.serial,
    words.states[row.state] ?? row.state,
    row.model ? `${row.manufacturer ?? ''} ${row.model}`.trim() : '-',
    row.release ? `${row.release} (SDK ${row.sdk ?? '?'})` : '-',
    identityCell(row),
  ]);
  const widths = header.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i] ?? ''))));
  const line = (values: string[]) =>
    values
      .map((v, i) => (i === values.length - 1 ? v : pad(v, widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const advice = rows.flatMap((row) => {
    if (row.hint)
      return [`${row.serial}: ${words.hints[row.state] ?? words.unusualState(row.state)}`];
    if (row.error) return [`${row.serial}: ${words.unreadable(row.error.message, row.error.code)}`];
    return [];
  });
  const table = [line(header), ...cells.map(line)].join('\n');
  return advice.length > 0 ? `${table}\n\n${advice.join('\n')}\n` : `${table}\n`;
}

function identityCell(row: DeviceRow): string {
  const identity = row.identity;
  if (!identity) return '-';
  const shown = identity.value ?? identity.masked;
  const more =
    identity.imeis && identity.imeis.length > 1 ? ` (+${identity.imeis.slice(1).join(', ')})` : '';
  return `${identity.kind} ${shown}${more}`;
}
