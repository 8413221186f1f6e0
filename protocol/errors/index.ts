// Every room's error catalogue, in the order docs/errors.md shows them (`npm run docs:errors`
// writes that file from this list). To add a code: add its row to its room's catalogue here, then
// run `npm run docs:errors`.
import type { CodeEntry, CodeOf, ErrorCatalogue } from '../coded-error.js';
import { browserErrors } from './browser.js';
import { buildErrors } from './build.js';
import { cliErrors } from './cli.js';
import { controlErrors } from './control.js';
import { dbErrors } from './db.js';
import { mirrorErrors } from './mirror.js';
import { nativeBridgeErrors } from './native-bridge.js';
import { inboxErrors } from './inbox.js';
import { openErrors } from './open.js';
import { pairingClientErrors } from './pairing-client.js';
import { pairingReasons } from './pairing-reasons.js';
import { phoneSimErrors } from './phone-sim.js';
import { relayErrors } from './relay.js';
import { sendErrors } from './send.js';
import { serverErrors } from './server.js';

export const errorCatalogues = [
  nativeBridgeErrors,
  phoneSimErrors,
  serverErrors,
  pairingClientErrors,
  dbErrors,
  pairingReasons,
  controlErrors,
  cliErrors,
  browserErrors,
  mirrorErrors,
  openErrors,
  sendErrors,
  inboxErrors,
  relayErrors,
  buildErrors,
] as const satisfies readonly ErrorCatalogue[];

/** Every error code (the pairing reasons are states, not errors): what a `CliError` may carry. */
export type ErrorCode = CodeOf<Exclude<(typeof errorCatalogues)[number], typeof pairingReasons>>;

/** Every code a catalogue registers, each once. */
export function registeredCodes(): Set<string> {
  return new Set(errorCatalogues.flatMap((catalogue) => catalogue.all));
}

/** The HTTP status a code is answered with, from the catalogue that defines it. */
export function httpStatusOf(code: ErrorCode): number | undefined {
  for (const catalogue of errorCatalogues) {
    const entry: CodeEntry | undefined = (catalogue.codes as Record<string, CodeEntry>)[code];
    if (entry && entry.owner === undefined) return entry.status;
  }
  return undefined;
}
