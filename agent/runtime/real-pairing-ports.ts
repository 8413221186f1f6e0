// Wires the pairing flow's ports to the real things: native-bridge over adb, the local history in
// SQLite, and the pairing server through the agent's shadow account.
import type { HistoryStore } from '../../db/agent/history-store.js';
import type { AdbClient } from '../../native-bridge/adb/client.js';
import { readPhoneIdentity } from '../../native-bridge/identity/read-phone.js';
import { isPairingClientError } from '../pairing/pairing-client-error.js';
import type { PairingPorts } from '../pairing/pairing-ports.js';
import type { CreatedSession } from '../session/phone-session.js';
import type { WithPairingClient } from './server-account.js';

export interface PortsDeps {
  adb: AdbClient;
  history: HistoryStore;
  /** Calls the pairing server through the agent's shadow account. */
  withClient: WithPairingClient;
  /** Total bound for one identity read (default 3000 ms). */
  identityTimeoutMs?: number;
  /** Called when a created session should be opened on the phone (the walk of the mirror issue). */
  onSession?: (serial: string, session: CreatedSession) => Promise<void>;
}

export function createPairingPorts(deps: PortsDeps): PairingPorts {
  const withClient = deps.withClient;

  return {
    readIdentity: (serial, signal) =>
      readPhoneIdentity(deps.adb, serial, {
        signal,
        totalTimeoutMs: deps.identityTimeoutMs ?? 3_000,
      }),
    history: {
      isKnown: (identity) => deps.history.isKnown(identity),
      recordPaired: (phone, serial) => {
        deps.history.recordPaired({
          identity: phone.identity,
          model: phone.info.model,
          manufacturer: phone.info.manufacturer,
          serial,
        });
      },
      touchConnected: (identity, serial) => {
        deps.history.touch(identity, serial);
        // Keeps the server's binding alive (it expires when unseen); a failure here is harmless.
        void withClient((c) => c.touch(identity)).catch(() => undefined);
      },
      forget: (identity) => {
        const known = deps.history.find(identity);
        if (known) deps.history.forget(known.identityHash);
      },
    },
    server: {
      lookup: async (identity, signal) => {
        try {
          return await withClient((c) => c.lookup(identity, { signal }));
        } catch (error) {
          if (isPairingClientError(error, 'BINDING_MOVED')) return 'moved-away';
          throw error;
        }
      },
      movedAway: async (identity, signal) => {
        try {
          await withClient((c) => c.touch(identity, { signal }));
          return false;
        } catch (error) {
          return isPairingClientError(error, 'BINDING_MOVED');
        }
      },
      bind: async (identity, signal) => {
        try {
          await withClient((c) => c.bind(identity, { signal }));
          return 'bound';
        } catch (error) {
          if (isPairingClientError(error, 'BINDING_CONFLICT')) return 'conflict';
          throw error;
        }
      },
      release: async (identity) => {
        await withClient((c) => c.release(identity));
      },
      createSession: async (serial, signal) => {
        const session = await withClient((c) => c.createSession({ signal }));
        await deps.onSession?.(serial, session);
        return { sessionId: session.sessionId };
      },
    },
  };
}
