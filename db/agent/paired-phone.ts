import type { IdentityKind } from '../../protocol/identity.js';

/** One phone in the agent's pairing history. Holds no raw identity: only its keyed hash and mask. */
export interface PairedPhone {
  identityHash: string;
  identityKind: IdentityKind;
  /** `****` + last four characters, for display and `tandem forget ****1234`. */
  maskedIdentity: string;
  model: string;
  manufacturer: string;
  /** The adb serial the phone had when last seen. */
  lastSerial: string;
  firstPairedAt: number;
  lastSeenAt: number;
  timesConnected: number;
}

export interface PairedPhoneRow {
  identity_hash: string;
  identity_kind: IdentityKind;
  identity_masked: string;
  model: string;
  manufacturer: string;
  last_serial: string;
  first_paired_at: number;
  last_seen_at: number;
  times_connected: number;
}

export function toPairedPhone(row: PairedPhoneRow): PairedPhone {
  return {
    identityHash: row.identity_hash,
    identityKind: row.identity_kind,
    maskedIdentity: row.identity_masked,
    model: row.model,
    manufacturer: row.manufacturer,
    lastSerial: row.last_serial,
    firstPairedAt: row.first_paired_at,
    lastSeenAt: row.last_seen_at,
    timesConnected: row.times_connected,
  };
}
