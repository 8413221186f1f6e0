// docs/errors.md is the catalogue a person reads: every stable code the code base can report must
// have its row there. Codes come from the catalogue objects and from every `new …Error('CODE'`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BridgeErrorCode } from '../native-bridge/errors.js';
import { RelayErrorCode } from '../protocol/relay-errors.js';
import { ServerErrorCode } from '../protocol/pairing.js';
import { BrowserErrorCode } from './browser/browser-error.js';
import { PairingClientErrorCode } from './pairing/pairing-client-error.js';
import { DbErrorCode } from '../db/db-error.js';
import { MirrorErrorCode } from '../protocol/mirror-parts.js';

const rooms = Object.entries(
  (JSON.parse(readFileSync('rooms.json', 'utf8')) as { rooms: Record<string, { kind: string }> })
    .rooms,
)
  .filter(([, room]) => room.kind === 'product')
  .map(([name]) => name);
/** Internal to the phone-sim's tiny shell parser, never shown to a person; and library codes. */
const notOurs = new Set(['SH_SYNTAX', 'SH_UNSUPPORTED', 'ERROR_CODE', 'LIBUSB_ERROR_NO_DEVICE']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|js)$/.test(name) && !/\.i?test\.ts$/.test(name) ? [path] : [];
  });
}

function thrownCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of rooms.flatMap(sources)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/new [A-Za-z]*Error\(\s*'([A-Z][A-Z0-9_]+)'/g)) {
      codes.add(match[1] as string);
    }
  }
  return codes;
}

/** The pairing reasons, read from their union type in agent/pairing/states.ts. */
function pairingReasons(): string[] {
  const text = readFileSync('agent/pairing/states.ts', 'utf8');
  const union = /export type PairingReason =([^;]+);/.exec(text)?.[1] ?? '';
  return [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1] as string);
}

test('every error code and pairing reason has a row in docs/errors.md', () => {
  const documented = new Set(
    [...readFileSync('docs/errors.md', 'utf8').matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)].map(
      (m) => m[1],
    ),
  );
  const catalogues = [
    BridgeErrorCode,
    RelayErrorCode,
    ServerErrorCode,
    BrowserErrorCode,
    PairingClientErrorCode,
    DbErrorCode,
    MirrorErrorCode,
  ].flatMap((c) => Object.values(c));
  const reasons = pairingReasons();
  assert.ok(reasons.length >= 5, 'the pairing reasons were read');
  const all = [...new Set([...catalogues, ...reasons, ...thrownCodes()])].filter(
    (code) => !notOurs.has(code),
  );
  const missing = all.filter((code) => !documented.has(code)).sort();
  assert.deepEqual(missing, [], `codes without a row in docs/errors.md: ${missing.join(', ')}`);
});
