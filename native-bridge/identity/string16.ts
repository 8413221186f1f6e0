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
    throw new BridgeError(
      BridgeErrorCode.AdbOutputMalformed,
      `Parcel String16 claims ${length} characters but the Parcel is shorter`,
    );
  }
  const units: number[] = [];
  for (let i = 0; i < length; i++) {
    const word = words[index + 1 + (i >> 1)] ?? 0;
    units.push(i % 2 === 0 ? word & 0xffff : word >>> 16);
  }
  return { value: String.fromCharCode(...units), next: index + 1 + Math.ceil((length + 1) / 2) };
}
