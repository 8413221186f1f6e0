// Binder's String16 inside a Parcel: an int32 length (-1 = null), then UTF-16 code units packed two
// per little-endian word, low half first, NUL-terminated and padded to a whole word.
import { BridgeError, BridgeErrorCode } from '../errors.js';

const NULL_LENGTH = -1;

export interface String16Read {
  value: string | null;
  /** Index of the first word after the string. */
  next: number;
}

export function readString16(words: readonly number[], index: number): String16Read {
  const lengthWord = words[index];
  if (lengthWord === undefined) return { value: null, next: index }; // like Parcel: past the end
  const length = lengthWord | 0;
  if (length === NULL_LENGTH) return { value: null, next: index + 1 };
  // The terminating NUL is not required: some printers drop a trailing all-zero word.
  const charWords = Math.ceil(length / 2);
  if (length < 0 || index + 1 + charWords > words.length) {
    // The claimed length is not quoted: it is a value from the phone's output.
    throw new BridgeError(
      BridgeErrorCode.AdbOutputMalformed,
      'Parcel String16 claims more characters than the Parcel holds',
    );
  }
  return {
    value: decodeUnits(words, index + 1, length),
    next: index + 1 + Math.ceil((length + 1) / 2),
  };
}

/** Chunk of code units per String.fromCharCode call: spreading a whole long string overflows the stack. */
const CHUNK = 4_096;

function decodeUnits(words: readonly number[], first: number, length: number): string {
  const parts: string[] = [];
  const units = new Uint16Array(Math.min(length, CHUNK));
  for (let start = 0; start < length; start += CHUNK) {
    const count = Math.min(CHUNK, length - start);
    for (let j = 0; j < count; j++) {
      const i = start + j;
      const word = words[first + (i >> 1)] ?? 0;
      units[j] = i % 2 === 0 ? word & 0xffff : word >>> 16;
    }
    parts.push(String.fromCharCode(...units.subarray(0, count)));
  }
  return parts.join('');
}
