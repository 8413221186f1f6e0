// Shadow accounts: the server makes the id, regenerating it until it is unused, and a
// random credential that is returned once and stored only as a hash.
import type { ClientsStore } from '../db/server/pairing-store.js';
import type { RegisterResponse } from '../protocol/pairing.js';
import { ServerError } from './errors.js';
import { hashSecret, randomSecret } from './tokens.js';

/** After this many taken ids in a row something is wrong with the generator, not with luck. */
export const MAX_ID_ATTEMPTS = 8;
const ID_FORMAT = /^[A-Za-z0-9_-]{1,64}$/;

export async function registerShadowAccount(
  clients: ClientsStore,
  generateId: (now: number) => string,
  now: () => number,
): Promise<RegisterResponse> {
  const credential = randomSecret();
  const credentialHash = hashSecret(credential);
  for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
    const clientId = generateId(now());
    if (!ID_FORMAT.test(clientId)) {
      throw new ServerError('INTERNAL', 'the client id generator made an unusable id');
    }
    if (await clients.tryCreate(clientId, credentialHash, now())) return { clientId, credential };
  }
  throw new ServerError('INTERNAL', 'could not allocate an unused client id');
}
