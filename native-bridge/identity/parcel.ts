// Parses what `service call` prints: the reply Parcel as a hex dump of little-endian words (one
// line, or `0xOFFSET:` lines), `Parcel(Error: …)`, or "service does not exist". Exception replies are
// results, not throws: the identity strategy decides what to do with them.
import { BridgeError, BridgeErrorCode } from '../errors.js';
import { meaningfulLines } from './adb-output.js';
import { readString16 } from './string16.js';

export type ParcelResult =
  /** No exception; `string16` is readString16() after the status word (null: null or absent). */
  | { kind: 'value'; words: number[]; string16: string | null }
  | { kind: 'exception'; code: number; name: string; message: string | null }
  /** The binder call itself failed, e.g. `Parcel(Error: 0xffffffb6 "Not a data message")`. */
  | { kind: 'status-error'; status: number; description: string }
  | { kind: 'no-service'; service: string };

// android.os.Parcel EX_* codes.
const EXCEPTION_NAMES: Record<number, string> = {
  [-1]: 'SecurityException',
  [-2]: 'BadParcelableException',
  [-3]: 'IllegalArgumentException',
  [-4]: 'NullPointerException',
  [-5]: 'IllegalStateException',
  [-6]: 'NetworkOnMainThreadException',
  [-7]: 'UnsupportedOperationException',
  [-8]: 'ServiceSpecificException',
  [-9]: 'ParcelableException',
  [-129]: 'TransactionFailedException',
};
/** A reply with StrictMode violations: a sized header, then the real reply (see Parcel.java). */
const EX_HAS_STRICTMODE_REPLY_HEADER = -128;

const NO_SERVICE = /^(?:service: )?Service (\S+) does not exist$/;
const STATUS_ERROR = /^Error: (0x[0-9a-fA-F]+|-?\d+) "(.*)"\)$/;
const DUMP_LINE = /^(?:0x([0-9a-fA-F]+):\s*)?((?:[0-9a-fA-F]{8}\s+)+)'/;
const PREFIX = 'Result: Parcel(';

function malformed(why: string): BridgeError {
  // Never quote the output: a Parcel may hold an IMEI.
  return new BridgeError(BridgeErrorCode.AdbOutputMalformed, `service call output: ${why}`);
}

export function parseParcel(text: string): ParcelResult {
  const lines = meaningfulLines(text);
  const first = lines[0] ?? '';
  const noService = NO_SERVICE.exec(first);
  if (noService && lines.length === 1) return { kind: 'no-service', service: noService[1] ?? '' };
  if (!first.startsWith(PREFIX)) throw malformed('no "Result: Parcel(" line');
  const body = [first.slice(PREFIX.length), ...lines.slice(1)].filter((line) => line !== '');

  const status = STATUS_ERROR.exec(body[0] ?? '');
  if (status && body.length === 1) {
    const [, number = '0', description = ''] = status;
    return { kind: 'status-error', status: Number(BigInt.asIntN(32, BigInt(number))), description };
  }
  if (body.length === 1 && body[0] === 'NULL)') return toResult([]);
  return toResult(dumpWords(body));
}

/** Reads the hex words of every dump line; the ASCII column after the first quote is ignored. */
function dumpWords(body: string[]): number[] {
  if (!body.at(-1)?.endsWith(')')) throw malformed('the Parcel dump is not closed');
  const words: number[] = [];
  for (const line of body) {
    const match = DUMP_LINE.exec(line);
    if (!match) throw malformed('a line is not a Parcel dump line');
    const [, offset, hex = ''] = match;
    if (offset !== undefined && Number.parseInt(offset, 16) !== words.length * 4) {
      throw malformed('dump offsets skip bytes');
    }
    for (const word of hex.trim().split(/\s+/)) words.push(Number.parseInt(word, 16));
  }
  return words;
}

function toResult(words: number[]): ParcelResult {
  let index = 0;
  let code = (words[index++] ?? 0) | 0;
  if (code === EX_HAS_STRICTMODE_REPLY_HEADER) {
    const headerBytes = (words[index] ?? 0) | 0;
    if (headerBytes < 4 || headerBytes % 4 !== 0) throw malformed('bad reply header size');
    index += headerBytes / 4;
    code = (words[index++] ?? 0) | 0;
  }
  if (code !== 0) {
    const name = EXCEPTION_NAMES[code] ?? `Exception(${code})`;
    return { kind: 'exception', code, name, message: exceptionMessage(words, index) };
  }
  return { kind: 'value', words, string16: readString16(words, index).value };
}

function exceptionMessage(words: number[], index: number): string | null {
  try {
    return readString16(words, index).value;
  } catch {
    return null; // the exception itself is what matters; a garbled message is not
  }
}
