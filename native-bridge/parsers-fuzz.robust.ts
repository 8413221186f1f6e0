// Fuzzes every parser of adb output with hostile input: 30,000 inputs from a fixed seed, then
// 30,000 from a random one, both printed. TANDEM_FUZZ_SEED=<n> replays one seed alone.
// The one promise checked: what comes out is a value or the project's own BridgeError with a known
// code — never a RangeError/TypeError — and no error message carries an identity (a 15-digit
// Luhn-valid run, or the IMEI-looking digits planted in the input).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { Duplex } from 'node:stream';
import { toBridgeError } from './adb/adb-errors.js';
import {
  adbStateHint,
  parseAdbDeviceLines,
  parseAdbDevicesOutput,
  parseAdbState,
} from './adb/adb-state.js';
import { stripEndMarker } from './adb/shell-end-marker.js';
import { shellFailure } from './adb/shell-errors.js';
import { encodeService, readHexValue, readOkay, type AdbParser } from './adb/smart-socket.js';
import { checkAmOutput } from './actions/open-url.js';
import { BridgeError, BridgeErrorCode } from './errors.js';
import {
  createRandom,
  loadFixtures,
  nextInput,
  type FuzzInput,
} from '../testing/adb-fuzz-inputs.js';
import { parseAndroidId } from './identity/android-id.js';
import { parseDumpsysIphonesubinfo } from './identity/dumpsys.js';
import { parseGetprop, phoneInfoFromProps } from './identity/getprop.js';
import { isLuhnValid, validateImei } from '../protocol/identity.js';
import { parseParcel } from './identity/parcel.js';
import { validateSerial } from './identity/serial.js';
import { readString16 } from './identity/string16.js';

const INPUTS_PER_SEED = 30_000;
const FIXED_SEED = 0x7a4d3e01;
const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(BridgeErrorCode));

const require = createRequire(import.meta.url);
const AdbkitParser = (
  require('@devicefarmer/adbkit/dist/src/adb/parser') as {
    default: new (stream: Duplex) => AdbParser;
  }
).default;

/** Little-endian words of the input's characters: hostile lengths arrive as-is. */
function wordsOf(text: string): number[] {
  const words: number[] = [];
  for (let i = 0; i < text.length && words.length < 256; i += 2) {
    words.push(((text.charCodeAt(i + 1) || 0) << 16) | text.charCodeAt(i));
  }
  return words;
}

/** adbkit's own Parser over an ended stream holding the input, as a socket adb closed. */
function parserOver(text: string): AdbParser {
  const stream = new Duplex({ read() {}, write: (_c, _e, done) => done() });
  stream.push(Buffer.from(text, 'latin1'));
  stream.push(null);
  return new AdbkitParser(stream);
}

/** The stream is over: a read still pending after this long waits for ever. */
const HANG_MS = 1_000;

async function settlesOnAStream(work: () => Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('hangs on an ended stream')), HANG_MS);
  });
  try {
    await Promise.race([work(), hang]);
  } catch (error) {
    if (error instanceof Error && error.message === 'hangs on an ended stream') throw error;
    // adbkit's own FAIL and end-of-stream errors are mapped where the call is made.
    throw toBridgeError(error, BridgeErrorCode.AdbCommandFailed, 'adb');
  } finally {
    clearTimeout(timer);
  }
}

/** A smart-socket reply: OKAY, or FAIL and adb's message. */
const smartSocketReply = (text: string): Promise<void> =>
  settlesOnAStream(() => readOkay(parserOver(text)));

/** host:track-devices after its OKAY: length-prefixed device lists until the stream ends. */
const trackDevicesStream = (text: string): Promise<void> =>
  settlesOnAStream(async () => {
    // Half the inputs (even lengths) framed as adb frames them, so the lines get parsed too.
    const framed = text.length % 2 === 0 && text.length <= 0xffff;
    const parser = parserOver(
      framed ? `${text.length.toString(16).padStart(4, '0')}${text}` : text,
    );
    for (;;) parseAdbDeviceLines((await readHexValue(parser)).toString('utf8'));
  });

type Parse = (input: FuzzInput) => unknown;

const PARSERS: Record<string, Parse> = {
  'adb devices -l': ({ text }) => parseAdbDevicesOutput(text),
  'track-devices lines': ({ text }) => parseAdbDeviceLines(text),
  'adb state': ({ text }) => adbStateHint(parseAdbState(text)),
  getprop: ({ text }) => phoneInfoFromProps(parseGetprop(text)),
  'service call Parcel': ({ text }) => parseParcel(text),
  String16: ({ text }) => readString16(wordsOf(text), text.length % 3),
  'dumpsys iphonesubinfo': ({ text }) => parseDumpsysIphonesubinfo(text),
  android_id: ({ text }) => parseAndroidId(text),
  serial: ({ text }) => assert.equal(typeof validateSerial(text), 'boolean'),
  imei: ({ text }) => assert.equal(typeof validateImei(text), 'boolean'),
  'shell end marker': ({ text }) => stripEndMarker(text),
  'shell error': ({ text }) => {
    throw shellFailure(new Error(text), 'SERIAL1');
  },
  'adb error code': ({ text }) => {
    throw toBridgeError(Object.assign(new Error(text), { code: text }), 'ADB_COMMAND_FAILED', 'x');
  },
  'am start output': ({ text }) => checkAmOutput(text, 'https://example.test/s', 'SERIAL1'),
  'smart-socket framing': ({ text }) => {
    const frame = encodeService(text);
    const length = Number.parseInt(frame.subarray(0, 4).toString('ascii'), 16);
    assert.equal(length, frame.length - 4, 'the 4-hex-digit length frames the whole request');
  },
};

/** Why this outcome breaks the promise, or undefined when it keeps it. */
function violation(error: unknown, input: FuzzInput): string | undefined {
  if (!(error instanceof BridgeError)) {
    return `threw ${error instanceof Error ? error.name : typeof error}: ${String(error).slice(0, 200)}`;
  }
  if (!KNOWN_CODES.has(error.code)) return `unknown code ${error.code}`;
  if (error.message.includes(input.imei)) return 'the message carries the planted IMEI';
  for (let i = 0; i + 15 <= error.message.length; i++) {
    const run = /^\d{15}/.exec(error.message.slice(i))?.[0];
    if (run && isLuhnValid(run)) return 'the message carries a Luhn-valid 15-digit run';
  }
  return undefined;
}

interface FuzzRun {
  /** Coded errors per parser (the error paths were reached). */
  errors: Record<string, number>;
  /** The first broken promise per parser, with what replays it. */
  failures: Record<string, string>;
}

async function fuzz(seed: number, count: number): Promise<FuzzRun> {
  const random = createRandom(seed);
  const fixtures = loadFixtures();
  const run: FuzzRun = { errors: {}, failures: {} };
  for (let n = 0; n < count; n++) {
    const input = nextInput(random, fixtures);
    const checks = Object.entries(PARSERS).map(
      ([name, parse]) => [name, () => parse(input)] as const,
    );
    // The stream-backed one is slower: every 8th input.
    const all =
      n % 8 === 0
        ? [
            ...checks,
            ['smart-socket reply', () => smartSocketReply(input.text)] as const,
            ['track-devices stream', () => trackDevicesStream(input.text)] as const,
          ]
        : checks;
    for (const [name, check] of all) {
      try {
        await check();
      } catch (error) {
        run.errors[name] = (run.errors[name] ?? 0) + 1;
        const problem = violation(error, input);
        if (problem !== undefined && run.failures[name] === undefined) {
          run.failures[name] =
            `input #${n} (${input.kind}, ${input.text.length} chars): ${problem}`;
        }
      }
    }
  }
  return run;
}

function seeds(): number[] {
  const replay = process.env.TANDEM_FUZZ_SEED;
  if (replay !== undefined && replay !== '') return [Number(replay) >>> 0];
  return [FIXED_SEED, Math.floor(Math.random() * 2 ** 32) >>> 0];
}

for (const seed of seeds()) {
  test(`adb output parsers: ${INPUTS_PER_SEED} hostile inputs, seed ${seed}`, async () => {
    console.log(`parsers fuzz seed ${seed} (replay: TANDEM_FUZZ_SEED=${seed})`);
    const started = performance.now();
    const { errors, failures } = await fuzz(seed, INPUTS_PER_SEED);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `seed ${seed}: ${INPUTS_PER_SEED} inputs in ${seconds} s; coded errors per parser`,
      errors,
    );
    assert.deepEqual(
      failures,
      {},
      `broken on seed ${seed}; replay: TANDEM_FUZZ_SEED=${seed} node --import tsx --test native-bridge/parsers-fuzz.robust.ts`,
    );
    // Sanity: the inputs really reached the error paths of the strict parsers.
    assert.ok((errors['service call Parcel'] ?? 0) > 1_000, 'parseParcel rejected some inputs');
  });
}
