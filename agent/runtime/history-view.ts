// The local history as the UI and CLI show it, and the look-up by serial or masked identity.
import type { HistoryStore } from '../../db/agent/history-store.js';
import type { PairedPhone } from '../../db/agent/paired-phone.js';
import type { HistoryView } from '../control/control-api.js';
import { ControlError } from '../control/control-error.js';

// The target may be a full IMEI typed by the person: it is never quoted back (privacy model).
export function findOnePaired(history: HistoryStore, target: string): PairedPhone {
  const matches = history.findBySerialOrMasked(target);
  if (matches.length === 0) {
    const known = history.list().map((p) => p.maskedIdentity);
    const hint = known.length > 0 ? `; paired here: ${known.join(', ')}` : '';
    throw new ControlError('HISTORY_NOT_FOUND', `no paired phone matches${hint}`, 404);
  }
  if (matches.length > 1) {
    const names = matches.map((m) => m.maskedIdentity).join(', ');
    throw new ControlError(
      'HISTORY_AMBIGUOUS',
      `several paired phones match (${names}); name one`,
      409,
    );
  }
  return matches[0] as PairedPhone;
}

export function forgetPaired(history: HistoryStore, target: string): HistoryView {
  const phone = findOnePaired(history, target);
  history.forget(phone.identityHash);
  return toHistoryView(phone);
}

export function toHistoryView(phone: PairedPhone): HistoryView {
  return {
    kind: phone.identityKind,
    masked: phone.maskedIdentity,
    model: phone.model,
    manufacturer: phone.manufacturer,
    lastSerial: phone.lastSerial,
    firstPairedAt: new Date(phone.firstPairedAt).toISOString(),
    lastSeenAt: new Date(phone.lastSeenAt).toISOString(),
    timesConnected: phone.timesConnected,
  };
}
