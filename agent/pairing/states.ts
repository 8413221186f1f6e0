// The pairing states of one attached phone, as the UI and the CLI show them.
import type { IdentityKind } from '../../protocol/identity.js';
import type { PairingReason } from '../../protocol/errors/pairing-reasons.js';

import type { PairingState } from '../../protocol/pairing-states.js';

export { pairingStates, type PairingState } from '../../protocol/pairing-states.js';

/** Why a phone is `failed` (or waiting): stable codes, catalogued in protocol/errors/pairing-reasons.ts. */
export type { PairingReason };

/** One phone as the agent reports it: never the raw identity, only its kind and masked form. */
export interface PhoneStatus {
  serial: string;
  model: string;
  identity: { kind: IdentityKind; masked: string } | null;
  state: PairingState;
  reason?: PairingReason;
  /** A sentence a person can act on. */
  hint: string;
  /** When a failed step will be retried (epoch ms). */
  retryAt?: number;
  /** How the decision was reached, for the curious and for tests. */
  decidedBy?: 'history' | 'server';
  sessionId?: string;
  /** A takeover waits for the person's tap on the phone until then (epoch ms). */
  takeoverUntil?: number;
  /** Milestones (epoch ms) of this plug: adb `device`, identity read, decision, connected. */
  timings?: PairingTimings;
}

export interface PairingTimings {
  deviceAt?: number;
  identityAt?: number;
  decisionAt?: number;
  connectedAt?: number;
}

export function hintFor(state: PairingState, reason?: PairingReason): string {
  switch (state) {
    case 'detected':
      if (reason === 'PAUSED') return 'Pairing is paused; resume it to connect.';
      if (reason === 'RELEASED') return 'Released from this computer; replug to pair again.';
      if (reason === 'SESSION_CLOSED')
        return 'The Tandem page was closed on the phone; replug to open it again.';
      return 'Phone found.';
    case 'unauthorized':
      return 'Allow USB debugging on your phone: unlock it and tap "Allow".';
    case 'identifying':
      return 'Reading the phone identity…';
    case 'checking':
      return 'Asking the pairing server about this phone…';
    case 'binding':
      return 'Pairing this phone with this computer…';
    case 'bound-elsewhere':
      if (reason === 'BINDING_MOVED') {
        return 'This phone was moved to another computer on the phone itself.';
      }
      return 'This phone is paired with another computer. Release it there first, or use it here.';
    case 'connecting':
      return 'Opening the session on your phone…';
    case 'connected':
      if (reason === 'SESSION_CLOSED') {
        return 'The Tandem page was closed on the phone; reopen it there or press "Open on the phone again".';
      }
      return 'Connected.';
    case 'failed':
      return failedHint(reason);
    case 'gone':
      return 'Phone unplugged.';
  }
}

function failedHint(reason?: PairingReason): string {
  switch (reason) {
    case 'SERVER_UNREACHABLE':
      return 'The pairing server cannot be reached; retrying.';
    case 'SERVER_ERROR':
      return 'The pairing server refused the request; retrying. See its log.';
    case 'DATABASE_CORRUPT':
      return 'The agent database is damaged: stop the agent, run `tandem doctor --repair`, start it again.';
    case 'DATABASE_READ_ONLY':
      return 'The data folder refuses writes: make it writable, then restart the agent.';
    case 'ADB_UNAVAILABLE':
      return 'adb is not available; Tandem retries. Check that adb is installed.';
    case 'PHONE_ANSWER_INVALID':
      return 'The phone gave an answer Tandem cannot read; retrying. Replug the cable if it stays.';
    case 'IDENTITY_TIMEOUT':
      return 'The phone did not answer in time; unlock it or replug the cable.';
    case 'IDENTITY_UNAVAILABLE':
      return 'This phone does not reveal an identity Tandem can pair with.';
    case 'DEVICE_OFFLINE':
      return 'The phone is offline; replug the cable.';
    case 'SESSION_FAILED':
      return 'The phone did not open the Tandem page; unlock it. Retrying.';
    case 'SESSION_LOST':
      return 'The connection to the pairing server was lost; reconnecting.';
    default:
      return 'Pairing failed; retrying.';
  }
}
