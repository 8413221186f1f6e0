// Binder Parcels as the `service call` command prints them (libbinder's Parcel::print + HexDump:
// 16 bytes a line, 4-byte words shown as little-endian uint32, single line up to 16 bytes).

export class ParcelWriter {
  private readonly chunks: Buffer[] = [];

  writeInt32(value: number): this {
    const word = Buffer.alloc(4);
    word.writeInt32LE(value | 0);
    this.chunks.push(word);
    return this;
  }

  /** Length in UTF-16 code units, the units, a NUL, padded to 4 bytes; null is length -1 alone. */
  writeString16(value: string | null): this {
    if (value === null) return this.writeInt32(-1);
    this.writeInt32(value.length);
    const bytes = Buffer.alloc(Math.ceil(((value.length + 1) * 2) / 4) * 4);
    for (let i = 0; i < value.length; i++) bytes.writeUInt16LE(value.charCodeAt(i), i * 2);
    this.chunks.push(bytes);
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** A reply carrying a string: no exception (0), then the String16 (null when absent). */
export function stringReply(value: string | null): Buffer {
  return new ParcelWriter().writeInt32(0).writeString16(value).toBuffer();
}

/** Java's writeException for a SecurityException: code -1, the message, an empty stack header. */
export function securityExceptionReply(message: string): Buffer {
  return new ParcelWriter().writeInt32(-1).writeString16(message).writeInt32(0).toBuffer();
}

const BYTES_PER_LINE = 16;
const SINGLE_LINE_CUTOFF = 16;

/** The full `service call` output line(s), newline included. */
export function formatParcelResult(data: Buffer): string {
  if (data.length === 0) return 'Result: Parcel(NULL)\n';
  const oneLine = data.length <= SINGLE_LINE_CUTOFF;
  const lines: string[] = [];
  for (let offset = 0; offset < data.length; offset += BYTES_PER_LINE) {
    const line = data.subarray(offset, offset + BYTES_PER_LINE);
    const words: string[] = [];
    let ascii = '';
    for (let w = 0; w < BYTES_PER_LINE; w += 4) {
      const word = line.subarray(w, w + 4);
      if (word.length === 0 && oneLine) break;
      // Bytes are printed from the highest address down, so a word reads as an LE uint32.
      let hex = '';
      for (let b = 3; b >= 0; b--) {
        const byte = word[b];
        hex += byte === undefined ? (oneLine ? '' : '  ') : byte.toString(16).padStart(2, '0');
      }
      words.push(hex);
    }
    for (let b = 0; b < BYTES_PER_LINE; b++) {
      const byte = line[b];
      if (byte === undefined) ascii += oneLine ? '' : ' ';
      else ascii += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
    }
    const prefix = oneLine ? '' : `  0x${offset.toString(16).padStart(8, '0')}: `;
    lines.push(`${prefix}${words.join(' ')} '${ascii}'`);
  }
  return oneLine ? `Result: Parcel(${lines[0]})\n` : `Result: Parcel(\n${lines.join('\n')})\n`;
}

/** What `service call` prints when the binder transaction itself failed (BAD_TYPE). */
export const NOT_A_DATA_MESSAGE = 'Result: Parcel(Error: 0xffffffb6 "Not a data message")\n';
