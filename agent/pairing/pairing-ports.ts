// What the pairing flow needs from the outside world. The agent wires these to native-bridge, the
// local history (db/) and the pairing server client; tests may wire them to anything real.
import type { IdentifiedPhone } from '../../native-bridge/types.js';
import type { PhoneIdentity } from '../../protocol/identity.js';

export type BindingLookup = 'unbound' | 'bound-to-you' | 'bound-to-another';

export interface PairingPorts {
  readIdentity(serial: string, signal: AbortSignal): Promise<IdentifiedPhone>;
  history: {
    isKnown(identity: PhoneIdentity): boolean;
    /** Records a completed pairing (first time) in one transaction. */
    recordPaired(phone: IdentifiedPhone, serial: string): void;
    touchConnected(identity: PhoneIdentity, serial: string): void;
  };
  server: {
    lookup(identity: PhoneIdentity, signal: AbortSignal): Promise<BindingLookup>;
    /** `conflict` when another client won the race for this phone. */
    bind(identity: PhoneIdentity, signal: AbortSignal): Promise<'bound' | 'conflict'>;
    release(identity: PhoneIdentity): Promise<void>;
    createSession(serial: string, signal: AbortSignal): Promise<{ sessionId: string }>;
  };
}

/** Errors from ports carry a code; the flow maps codes to pairing reasons. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
