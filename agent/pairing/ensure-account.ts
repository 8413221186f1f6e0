// The agent's shadow account on a pairing server: reuse the one in the history store,
// or register one and store it. Concurrent calls for one server share a single registration.
import type { ServerAccount, ServerAccountStore } from '../../db/agent/server-accounts.js';
import { PairingClient, type PairingClientOptions } from './pairing-client.js';
import { isPairingClientError } from './pairing-client-error.js';
import { normalizeServerUrl } from './server-url.js';

export interface EnsureAccountOptions extends Omit<PairingClientOptions, 'serverUrl' | 'account'> {
  /**
   * Ask the server whether it still knows the stored account (GET /v1/clients/me) and register a
   * new one if it answers UNAUTHENTICATED, e.g. after the server's data was wiped. Phones bound to
   * the old account then show as bound to another client until that binding expires.
   */
  verify?: boolean;
  /**
   * Where the account is kept in the store (default: the server URL). The embedded server moves to
   * a new port on every start, so the agent keeps its account under EMBEDDED_SERVER_ACCOUNT.
   */
  accountKey?: string;
}

/** The store key of the account on the agent's own embedded server (whose data is the agent's). */
export const EMBEDDED_SERVER_ACCOUNT = 'embedded:';

export interface EnsuredAccount {
  client: PairingClient;
  account: ServerAccount;
  /** True when a new shadow account was registered by this call. */
  created: boolean;
}

const inFlight = new WeakMap<ServerAccountStore, Map<string, Promise<EnsuredAccount>>>();

export function ensureAccount(
  store: ServerAccountStore,
  serverUrl: string,
  options: EnsureAccountOptions = {},
): Promise<EnsuredAccount> {
  const url = normalizeServerUrl(serverUrl);
  const key = options.accountKey ?? url;
  let pending = inFlight.get(store);
  if (!pending) inFlight.set(store, (pending = new Map()));
  const running = pending.get(key);
  if (running) return running;
  const work = resolveAccount(store, url, key, options).finally(() => pending.delete(key));
  pending.set(key, work);
  return work;
}

async function resolveAccount(
  store: ServerAccountStore,
  serverUrl: string,
  key: string,
  options: EnsureAccountOptions,
): Promise<EnsuredAccount> {
  const { verify = false, accountKey: _key, ...clientOptions } = options;
  const stored = store.getServerAccount(key);
  if (stored) {
    const client = new PairingClient({ ...clientOptions, serverUrl, account: stored });
    if (!verify || (await stillKnown(client))) return { client, account: stored, created: false };
  }
  const client = new PairingClient({ ...clientOptions, serverUrl });
  const registered = await client.register();
  const account = store.saveServerAccount({ serverUrl: key, ...registered });
  return { client, account, created: true };
}

async function stillKnown(client: PairingClient): Promise<boolean> {
  try {
    await client.whoami();
    return true;
  } catch (error) {
    if (isPairingClientError(error, 'UNAUTHENTICATED')) return false;
    throw error;
  }
}
