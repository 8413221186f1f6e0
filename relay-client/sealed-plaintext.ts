// What a sealed message's plaintext is, byte for byte. Most messages are their UTF-8 JSON. A
// message that carries bytes (a file chunk, a part of a gzipped mirror message) would otherwise be
// base64 inside the base64 of the seal, 1.78× its size on the wire: its plaintext is instead the
// JSON without `data`, a line feed, and the bytes themselves (docs/protocol.md, "Sealing").
import { RelayError, RelayErrorCode } from '../protocol/relay-errors.js';
import type { RelayMessage } from '../protocol/relay-messages.js';
import { base64ToBytes, bytesToBase64 } from './base64.js';

/** Message types whose `data` field is base64 bytes, and whose plaintext carries them raw. */
export const BYTES_TAIL_TYPES: ReadonlySet<string> = new Set(['data.file.chunk', 'mirror.part']);

const LINE_FEED = 0x0a;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** The bytes to seal for `message` (its `type` decides the form). */
export function plaintextOf(message: RelayMessage): Uint8Array<ArrayBuffer> {
  if (!BYTES_TAIL_TYPES.has(message.type)) return encoder.encode(JSON.stringify(message));
  const { data, ...head } = message as { type: string; data?: unknown };
  if (typeof data !== 'string') {
    throw new RelayError(RelayErrorCode.MessageInvalid, `a ${message.type} message needs data`);
  }
  // JSON.stringify never writes a raw line feed, so the first one ends the head.
  const headBytes = encoder.encode(JSON.stringify(head));
  const tail = base64ToBytes(data);
  const out = new Uint8Array(headBytes.length + 1 + tail.length);
  out.set(headBytes);
  out[headBytes.length] = LINE_FEED;
  out.set(tail, headBytes.length + 1);
  return out;
}

/**
 * The message an opened plaintext holds, before schema validation. A malformed plaintext is
 * `MESSAGE_INVALID`; the bytes tail comes back as base64 `data`, as the schemas expect.
 */
export function messageOf(type: string, plaintext: Uint8Array): unknown {
  try {
    if (!BYTES_TAIL_TYPES.has(type)) return JSON.parse(decoder.decode(plaintext));
    const end = plaintext.indexOf(LINE_FEED);
    if (end < 0) throw new Error('no line feed after the head');
    const head: unknown = JSON.parse(decoder.decode(plaintext.subarray(0, end)));
    if (typeof head !== 'object' || head === null || Array.isArray(head) || 'data' in head) {
      throw new Error('the head is not an object without data');
    }
    return { ...head, data: bytesToBase64(plaintext.subarray(end + 1)) };
  } catch (error) {
    throw new RelayError(RelayErrorCode.MessageInvalid, `the peer sent a malformed ${type}`, {
      cause: error,
    });
  }
}
