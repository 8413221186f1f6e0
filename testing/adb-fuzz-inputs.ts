// Inputs for the adb output parser fuzzer: a seeded PRNG (every input is reproducible from the
// seed printed) and generators of hostile adb output — random bytes, mutations and truncations
// of the captured fixtures, absurd lengths, and planted IMEI-looking digit runs.
import { readdirSync, readFileSync } from 'node:fs';

import { luhnComplete } from '../protocol/identity.js';
import { renderParcel } from './identity-replies.js';
import type { Random } from './seeded-random.js';

export { createRandom, type Random } from './seeded-random.js';

/** Every captured adb output under native-bridge/<room>/fixtures. */
export function loadFixtures(): string[] {
  const rooms = ['adb', 'identity'];
  return rooms.flatMap((room) => {
    const dir = new URL(`../native-bridge/${room}/fixtures/`, import.meta.url);
    return readdirSync(dir).map((name) => readFileSync(new URL(name, dir), 'utf8'));
  });
}

/** A 15-digit run whose last digit makes it Luhn-valid, as a real IMEI is. */
export function plantedImei(random: Random): string {
  const body = Array.from({ length: 14 }, (_, i) =>
    String(i === 0 ? 1 + random.int(9) : random.int(10)),
  );
  return luhnComplete(body.join(''));
}

/** adb-ish tokens a mutation splices in: structure the parsers look for, and hostile values. */
const TOKENS = [
  'Result: Parcel(',
  ')',
  "'",
  '\n',
  '\r\n',
  '\r\r\n',
  '\t',
  ' ',
  '[',
  ']',
  ']: [',
  '0x00000000: ',
  '00000000 ',
  'ffffffff ',
  '7fffffff ',
  '80000000 ',
  '00030d40 ',
  'ffffff80 ',
  'Error: 0xffffffb6 "x")',
  'Device ID = ',
  'List of devices attached',
  'device',
  'unauthorized',
  'no permissions (x)',
  'usb:1-1 ',
  'transport_id:3',
  ':tandem-shell-end:',
  '* daemon not running; starting now at tcp:5037',
  'WARNING: linker: x',
  'null',
  '__proto__',
  'constructor',
  '\u0000',
  '\ud800',
  '😀',
  'ä',
];

function randomText(random: Random, length: number): string {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = random.int(256);
  return random.next() < 0.5 ? bytes.toString('utf8') : bytes.toString('latin1');
}

function mutate(random: Random, text: string, imei: string): string {
  let out = text;
  const edits = 1 + random.int(6);
  for (let e = 0; e < edits; e++) {
    const at = random.int(out.length + 1);
    switch (random.int(8)) {
      case 0: // flip one character
        out = out.slice(0, at) + String.fromCharCode(random.int(128)) + out.slice(at + 1);
        break;
      case 1: // delete a run
        out = out.slice(0, at) + out.slice(at + 1 + random.int(16));
        break;
      case 2:
        out = out.slice(0, at) + random.pick(TOKENS) + out.slice(at);
        break;
      case 3: // duplicate a run
        out = out.slice(0, at) + out.slice(at, at + random.int(64)) + out.slice(at);
        break;
      case 4:
        out = out.slice(0, at) + imei + out.slice(at);
        break;
      case 5: // a hex word into something huge or negative
        out = out.replace(
          /[0-9a-f]{8}/,
          random.pick(['7fffffff', 'ffffffff', '00030d40', '80000000']),
        );
        break;
      case 6:
        out = out.slice(0, at) + randomText(random, random.int(12)) + out.slice(at);
        break;
      default: // a stray line
        out = `${out.slice(0, at)}\n${out.slice(at)}`;
    }
  }
  return out;
}

/** A String16 reply whose length word is hostile, with the digits of `imei` inside. */
function hugeParcel(random: Random, imei: string): string {
  const claimed = random.pick([0x7fffffff, 0x80000000, 0xfffffffe, 200_000, 65_536, imei.length]);
  const units = [...imei].map((c) => c.charCodeAt(0));
  const words = [0, claimed];
  for (let i = 0; i < units.length; i += 2)
    words.push(((units[i + 1] ?? 0) << 16) | (units[i] ?? 0));
  // Sometimes the dump really is that long (1.7 MB of output, a few times per 30,000 inputs).
  const pad = claimed === 200_000 && random.next() < 0.2 ? 100_000 : random.int(8);
  for (let i = 0; i < pad; i++) words.push(0x00330033);
  return renderParcel(words);
}

export type InputKind = 'random' | 'mutation' | 'truncation' | 'huge' | 'imei-lines';

export interface FuzzInput {
  kind: InputKind;
  text: string;
  /** The IMEI-looking digits planted in this input (they must never reach an error message). */
  imei: string;
}

/** One hostile input, drawn from `random` alone. */
export function nextInput(random: Random, fixtures: readonly string[]): FuzzInput {
  const imei = plantedImei(random);
  const fixture = random.pick(fixtures);
  const roll = random.next();
  if (roll < 0.15) return { kind: 'random', text: randomText(random, random.int(300)), imei };
  if (roll < 0.65) return { kind: 'mutation', text: mutate(random, fixture, imei), imei };
  if (roll < 0.8) {
    const cut = mutate(random, fixture, imei);
    return { kind: 'truncation', text: cut.slice(0, random.int(cut.length + 1)), imei };
  }
  if (roll < 0.82) return { kind: 'huge', text: hugeParcel(random, imei), imei };
  if (roll < 0.83) {
    // A very long line or value: 15-75 KB.
    const long = imei.repeat(1_000 + random.int(4_000));
    return { kind: 'huge', text: random.next() < 0.5 ? `[ril.imei]: [${long}]\n` : long, imei };
  }
  // Lines the parsers key on, carrying the planted digits.
  const line = random.pick([
    `Device ID = ${imei}`,
    `[ril.imei]: [${imei}`,
    `${imei}\t${random.pick(['device', 'offline', ''])}`,
    `${imei} ${imei}:${imei}`,
    imei,
    `Result: Parcel(${imei})`,
    `Error: ${imei}`,
  ]);
  return {
    kind: 'imei-lines',
    text: random.next() < 0.5 ? `${line}\n` : mutate(random, line, imei),
    imei,
  };
}
