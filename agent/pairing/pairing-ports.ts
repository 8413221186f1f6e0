// What the pairing flow needs from the outside world. The agent wires these to native-bridge, the
// local history (db/) and the pairing server client; tests may wire them to anything real.
import type { IdentifiedPhone } from '../../native-bridge/types.js';
import type { PhoneIdentity } from '../../protocol/identity.js';

/** `moved-away`: a takeover confirmed on the phone moved it to another computer (BINDING_MOVED). */
export type BindingLookup = 'unbound' | 'bound-to-you' | 'bound-to-another' | 'moved-away';

/** Moving a phone bound elsewhere to this computer, confirmed on the phone (agent/runtime/takeover-ports.ts). */
export interface TakeoverPorts {
  /** A one-time, short-lived ticket for this phone, from the pairing server. */
  ticket(identity: PhoneIdentity): Promise<{ ticket: string; expiresAt: number }>;
  /** Opens the confirmation page on the phone over USB (adb reverse + am start), ticket inside. */
  openConfirmPage(serial: string, ticket: string): Promise<void>;
}

export interface PairingPorts {
  readIdentity(serial: string, signal: AbortSignal): Promise<IdentifiedPhone>;
  history: {
    isKnown(identity: PhoneIdentity): boolean;
    /** Records a completed pairing (first time) in one transaction. */
    recordPaired(phone: IdentifiedPhone, serial: string): void;
    touchConnected(identity: PhoneIdentity, serial: string): void;
    /** Forgets a phone moved to another computer, so its next plug asks the server. */
    forget?(identity: PhoneIdentity): void;
  };
  server: {
    lookup(identity: PhoneIdentity, signal: AbortSignal): Promise<BindingLookup>;
    /** `conflict` when another client won the race for this phone. */
    bind(identity: PhoneIdentity, signal: AbortSignal): Promise<'bound' | 'conflict'>;
    release(identity: PhoneIdentity): Promise<void>;
    createSession(serial: string, signal: AbortSignal): Promise<{ sessionId: string }>;
    /**
     * A phone this computer paired before: true when the server says a takeover moved it away
     * (its touch answers BINDING_MOVED). Any other answer or failure: false.
     */
    movedAway?(identity: PhoneIdentity, signal: AbortSignal): Promise<boolean>;
  };
  takeover?: TakeoverPorts;
}

/** Errors from ports carry a code; the flow maps codes to pairing reasons. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
