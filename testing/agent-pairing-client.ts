// The agent's side of the pairing server's API, as the server's tests drive it: the real client,
// its error, and the account set-up. Tests cross rooms only through testing/.
export { ensureAccount } from '../agent/pairing/ensure-account.js';
export { PairingClient } from '../agent/pairing/pairing-client.js';
export type { PairingClientError } from '../agent/pairing/pairing-client-error.js';
