// The one line that tells the whole truth about the phones: "Ready: plug in an Android phone",
// "1 phone connected", "2 phones: 1 connected, 1 needs USB debugging allowed". The desktop UI's
// header, the tray's tooltip and `tandem status` all say it the same way.
import type { Words } from './desktop-words.js';

export interface PhoneStateLike {
  state: string;
}

type Group = 'connected' | 'unauthorized' | 'elsewhere' | 'failed' | 'working';
const order: Group[] = ['connected', 'unauthorized', 'elsewhere', 'failed', 'working'];

function groupOf(state: string): Group {
  if (state === 'connected') return 'connected';
  if (state === 'unauthorized') return 'unauthorized';
  if (state === 'bound-elsewhere') return 'elsewhere';
  if (state === 'failed') return 'failed';
  return 'working';
}

/** The status line for the phones plugged in now (`gone` ones are left out). */
export function statusLine(
  words: Words,
  status: {
    paused: boolean;
    devices: readonly PhoneStateLike[];
    usbWithoutDebugging?: readonly unknown[];
  },
): string {
  const line = words.ui.status;
  const phones = status.devices.filter((phone) => phone.state !== 'gone');
  const suffix = (text: string) => (status.paused ? `${text} · ${line.paused}` : text);
  if (phones.length === 0) {
    if ((status.usbWithoutDebugging?.length ?? 0) > 0) return suffix(line.noDebugging);
    return status.paused ? line.paused : line.ready;
  }
  const counts = new Map<Group, number>();
  for (const phone of phones) {
    const group = groupOf(phone.state);
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  const total = line.phones(phones.length);
  const groups = order.filter((group) => counts.has(group));
  if (groups.length === 1) {
    const only = groups[0] as Group;
    return suffix(line.whole(total, line[only](phones.length)));
  }
  const parts = groups.map((group) => {
    const n = counts.get(group) ?? 0;
    return line.part(n, line[group](n));
  });
  return suffix(line.mixed(total, parts));
}
