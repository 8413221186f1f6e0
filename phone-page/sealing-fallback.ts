// Sealing on a page that is not a secure context (the Wi-Fi mode's http://192.168.x.y:PORT has no
// `crypto.subtle`): the relay client then seals with the pure-JS backend, which this page loads as
// its own script only there, so the page stays small everywhere else.
import type { CryptoBackend } from '../relay-client/aead.js';
import { installCryptoFallback } from '../relay-client/aead.js';
import { loadScript } from './load-script.js';

export const SEALING_SCRIPT = '/m/sealing.js';

/** The sealing bundle's global (relay-client/aead-noble.ts, bundles/browser-bundle-specs.ts). */
type SealingGlobal = { TandemSealing?: { nobleCryptoBackend: CryptoBackend } };

export function installSealingFallback(): void {
  installCryptoFallback(async () => {
    await loadScript(SEALING_SCRIPT);
    const backend = (globalThis as SealingGlobal).TandemSealing?.nobleCryptoBackend;
    if (!backend) throw new Error(`${SEALING_SCRIPT} defined no TandemSealing`);
    return backend;
  });
}
