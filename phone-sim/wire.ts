// The ADB wire format: a 24-byte header of six little-endian uint32 words, then the payload.
// See adb's protocol.txt: command, arg0, arg1, data_length, data_crc32 (a byte sum), magic.
import { PhoneSimError } from './errors.js';

export const A_SYNC = 0x434e5953;
export const A_CNXN = 0x4e584e43;
export const A_AUTH = 0x48545541;
export const A_OPEN = 0x4e45504f;
export const A_OKAY = 0x59414b4f;
export const A_CLSE = 0x45534c43;
export const A_WRTE = 0x45545257;
export const A_STLS = 0x534c5453;

/** Version 0x01000001 lets both sides skip the payload checksum. */
export const A_VERSION = 0x01000001;
export const AUTH_TOKEN = 1;
export const AUTH_SIGNATURE = 2;
export const AUTH_RSAPUBLICKEY = 3;

export const HEADER_LENGTH = 24;
/** Refuse absurd lengths rather than buffering forever (adb's own limit is 1 MiB). */
export const MAX_ACCEPTED_PAYLOAD = 16 * 1024 * 1024;

export interface AdbMessage {
  command: number;
  arg0: number;
  arg1: number;
  payload: Buffer;
}

export function checksum(payload: Buffer): number {
  let sum = 0;
  for (const byte of payload) sum = (sum + byte) >>> 0;
  return sum;
}

export function encodeMessage(message: AdbMessage): Buffer {
  const header = Buffer.alloc(HEADER_LENGTH);
  header.writeUInt32LE(message.command >>> 0, 0);
  header.writeUInt32LE(message.arg0 >>> 0, 4);
  header.writeUInt32LE(message.arg1 >>> 0, 8);
  header.writeUInt32LE(message.payload.length, 12);
  header.writeUInt32LE(checksum(message.payload), 16);
  header.writeUInt32LE((message.command ^ 0xffffffff) >>> 0, 20);
  return Buffer.concat([header, message.payload]);
}

/** A message that is not the ADB wire format; the sim logs it and drops that connection. */
export class WireError extends PhoneSimError {
  constructor(message: string) {
    super('ADB_WIRE_MALFORMED', message);
    this.name = 'WireError';
  }
}

/** Collects socket chunks and yields every complete message; throws WireError on a bad header. */
export class MessageDecoder {
  private buffered: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): AdbMessage[] {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const messages: AdbMessage[] = [];
    while (this.buffered.length >= HEADER_LENGTH) {
      const command = this.buffered.readUInt32LE(0);
      const length = this.buffered.readUInt32LE(12);
      const crc = this.buffered.readUInt32LE(16);
      const magic = this.buffered.readUInt32LE(20);
      if (magic !== (command ^ 0xffffffff) >>> 0) {
        throw new WireError(
          `bad magic 0x${magic.toString(16)} for command 0x${command.toString(16)}`,
        );
      }
      if (length > MAX_ACCEPTED_PAYLOAD) throw new WireError(`payload too long: ${length}`);
      if (this.buffered.length < HEADER_LENGTH + length) break;
      const payload = Buffer.from(this.buffered.subarray(HEADER_LENGTH, HEADER_LENGTH + length));
      // A zero checksum is legal from version 0x01000001 on; a non-zero one must match.
      if (crc !== 0 && crc !== checksum(payload)) throw new WireError('payload checksum mismatch');
      messages.push({
        command,
        arg0: this.buffered.readUInt32LE(4),
        arg1: this.buffered.readUInt32LE(8),
        payload,
      });
      this.buffered = this.buffered.subarray(HEADER_LENGTH + length);
    }
    return messages;
  }
}

const NAMES: Record<number, string> = {
  [A_SYNC]: 'SYNC',
  [A_CNXN]: 'CNXN',
  [A_AUTH]: 'AUTH',
  [A_OPEN]: 'OPEN',
  [A_OKAY]: 'OKAY',
  [A_CLSE]: 'CLSE',
  [A_WRTE]: 'WRTE',
  [A_STLS]: 'STLS',
};

export function commandName(command: number): string {
  return NAMES[command] ?? `0x${command.toString(16)}`;
}
