// Test support: PairingPorts whose behaviour each test sets, recording every call so tests can
// assert on the flow. Gates hold a step open until the test lets it go.
import type { IdentifiedPhone } from '../native-bridge/types.js';
import type { PhoneIdentity } from '../protocol/identity.js';
import type { BindingLookup, PairingPorts } from '../agent/pairing/pairing-ports.js';
import type { PairingOrchestrator } from '../agent/pairing/orchestrator.js';
import type { PairingState } from '../agent/pairing/states.js';

export const testPhone: IdentifiedPhone = {
  info: {
    model: 'Pixel 8',
    manufacturer: 'Google',
    brand: 'google',
    release: '14',
    sdk: 34,
    serial: 'S1',
  },
  identity: { kind: 'imei', value: '356938035643809', masked: '****3809' },
};

export interface FakePortsOptions {
  known: boolean;
  lookup: BindingLookup;
  bind: 'bound' | 'conflict';
  /** How many server calls fail with SERVER_UNREACHABLE before the server answers. */
  serverDown: number;
  lookupGate: Promise<void>;
  bindGate: Promise<void>;
  sessionGate: Promise<void>;
  /** The phone behind each adb serial (default: testPhone for every serial). */
  phones: Record<string, IdentifiedPhone>;
}

export function fakePorts(overrides: Partial<FakePortsOptions> = {}) {
  const calls: string[] = [];
  let serverDown = overrides.serverDown ?? 0;
  const recorded: string[] = [];
  const ports: PairingPorts = {
    readIdentity: async (serial) => {
      calls.push('identity');
      return overrides.phones?.[serial] ?? testPhone;
    },
    history: {
      isKnown: () => overrides.known ?? false,
      recordPaired: (p) => {
        recorded.push(p.identity.masked);
        calls.push('record');
      },
      touchConnected: () => calls.push('touch'),
    },
    server: {
      lookup: async () => {
        calls.push('lookup');
        await overrides.lookupGate;
        if (serverDown > 0) {
          serverDown -= 1;
          throw Object.assign(new Error('down'), { code: 'SERVER_UNREACHABLE' });
        }
        return overrides.lookup ?? 'unbound';
      },
      bind: async (_identity: PhoneIdentity) => {
        calls.push('bind');
        await overrides.bindGate;
        return overrides.bind ?? 'bound';
      },
      release: async () => {
        calls.push('release');
      },
      createSession: async (serial) => {
        calls.push('session');
        await overrides.sessionGate;
        return { sessionId: `sess-${serial}` };
      },
    },
  };
  return { ports, calls, recorded };
}

/** A promise a test opens when it wants the gated step to go on. */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

export function statesOf(orchestrator: PairingOrchestrator): PairingState[] {
  const seen: PairingState[] = [];
  orchestrator.on('change', (s) => seen.push(s.state));
  return seen;
}

/** Lets the flows run until `calls` holds `step`. */
export async function untilCalled(calls: string[], step: string): Promise<void> {
  while (!calls.includes(step)) await new Promise((r) => setImmediate(r));
}
