// The human view of `tandem devices`: an aligned table, then one line of advice per phone that needs it.
import type { DeviceRow } from './device-rows.js';

const NO_PHONES =
  'No phones attached. Plug your phone in with a USB cable and turn on USB debugging ' +
  '(Settings > About phone > tap "Build number" 7 times, then Developer options > USB debugging).';

export function renderDeviceTable(rows: DeviceRow[]): string {
  if (rows.length === 0) return `${NO_PHONES}\n`;
  const header = ['SERIAL', 'STATE', 'PHONE', 'ANDROID', 'IDENTITY'];
  const cells = rows.map((row) => [
    row.serial,
    row.state,
    row.model ? `${row.manufacturer ?? ''} ${row.model}`.trim() : '-',
    row.release ? `${row.release} (SDK ${row.sdk ?? '?'})` : '-',
    identityCell(row),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (i === values.length - 1 ? v : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const advice = rows.flatMap((row) => {
    if (row.hint) return [`${row.serial}: ${row.hint}`];
    if (row.error)
      return [`${row.serial}: could not read the phone: ${row.error.message} [${row.error.code}]`];
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
