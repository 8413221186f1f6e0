// Asks every IMEI source the table lists for this SDK level and keeps the valid answers. A source
// that refuses, times out, prints something odd or too much is skipped; a phone that is gone ends the read.
import { BridgeErrorCode, isBridgeError } from '../errors.js';
import type { BoundedShell } from './deadline.js';
import { parseDumpsysIphonesubinfo } from './dumpsys.js';
import { validateImei } from '../../protocol/identity.js';
import { PROP_IMEI_SOURCES, shellSourcesFor, type ShellImeiSource } from './imei-sources.js';
import { parseParcel } from './parcel.js';

interface Candidate {
  value: string;
  slot: number | undefined;
}

/** Errors that only disqualify one source; everything else (DeviceGone, deadline…) propagates. */
export function isSourceFailure(error: unknown): boolean {
  return (
    isBridgeError(error, BridgeErrorCode.AdbTimeout) ||
    isBridgeError(error, BridgeErrorCode.AdbOutputMalformed) ||
    isBridgeError(error, BridgeErrorCode.AdbOutputTooLarge)
  );
}

async function askShell(shell: BoundedShell, source: ShellImeiSource): Promise<string[]> {
  try {
    const output = await shell(source.command);
    if (source.parse === 'dumpsys') return parseDumpsysIphonesubinfo(output);
    const reply = parseParcel(output);
    // Exceptions (SecurityException from Android 10), binder errors, a missing service: no IMEI here.
    return reply.kind === 'value' && reply.string16 !== null ? [reply.string16] : [];
  } catch (error) {
    if (isSourceFailure(error)) return [];
    throw error;
  }
}

/** Every valid IMEI, deduplicated, slot 0 first; answers without a slot count as slot 0. */
export async function collectImeis(
  shell: BoundedShell,
  sdk: number,
  props: Record<string, string>,
): Promise<string[]> {
  const candidates: Candidate[] = [];
  for (const source of shellSourcesFor(sdk)) {
    for (const value of await askShell(shell, source))
      candidates.push({ value, slot: source.slot });
  }
  for (const source of PROP_IMEI_SOURCES) {
    // Some RILs put both IMEIs into one property, comma separated.
    for (const value of (props[source.prop] ?? '').split(/[,\s]+/)) {
      candidates.push({ value, slot: source.slot });
    }
  }
  return orderBySlot(candidates.filter((candidate) => validateImei(candidate.value)));
}

function orderBySlot(candidates: Candidate[]): string[] {
  // A value seen with a known slot anywhere takes that slot (getDeviceId() repeats one of them).
  const slotOf = new Map<string, number>();
  for (const { value, slot } of candidates) {
    const known = slotOf.get(value);
    if (slot !== undefined && (known === undefined || slot < known)) slotOf.set(value, slot);
  }
  const unique = [...new Set(candidates.map((candidate) => candidate.value))];
  // Array sort is stable: within one slot, the order of discovery stays.
  return unique.sort((a, b) => (slotOf.get(a) ?? 0) - (slotOf.get(b) ?? 0));
}
