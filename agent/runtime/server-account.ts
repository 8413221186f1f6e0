// The agent's way to the pairing server: its shadow account there, registered on first use, and
// registered again (once per call) when the server answers that it no longer knows the account,
// e.g. after the server's data was wiped.
import type { ServerAccountStore } from '../../db/agent/server-accounts.js';
import { ensureAccount, EMBEDDED_SERVER_ACCOUNT } from '../pairing/ensure-account.js';
import type { PairingClient } from '../pairing/pairing-client.js';
import { isPairingClientError } from '../pairing/pairing-client-error.js';

export interface ServerAccountOptions {
  store: ServerAccountStore;
  serverUrl: string;
  /** True for the agent's own embedded server: its account is kept under a fixed key. */
  embedded: boolean;
}

/** Runs `call` with the account's client; an UNAUTHENTICATED answer re-registers and retries once. */
export type WithPairingClient = <T>(call: (client: PairingClient) => Promise<T>) => Promise<T>;

export function serverAccount(options: ServerAccountOptions): WithPairingClient {
  const accountKey = options.embedded ? EMBEDDED_SERVER_ACCOUNT : undefined;
  const ensure = (verify: boolean) =>
    ensureAccount(options.store, options.serverUrl, { accountKey, verify });
  return async (call) => {
    const { client } = await ensure(false);
    try {
      return await call(client);
    } catch (error) {
      if (!isPairingClientError(error, 'UNAUTHENTICATED')) throw error;
      const renewed = await ensure(true);
      if (!renewed.created) throw error;
      return call(renewed.client);
    }
  };
}
