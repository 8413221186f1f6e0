// The relay's fastest path: the frames the reference client writes (JSON.stringify, fields in the
// order of docs/protocol.md) read straight from the bytes, without decoding, JSON.parse or an
// object per field. It accepts a strict subset of what JSON.parse + checkClientFrame accept and
// returns the same header; anything else (other field order, whitespace, escapes, `body`, a type
// the protocol does not know) returns undefined and takes the full path, so validation is the
// same either way.

import { RELAY_PROTOCOL_VERSION } from './relay-frames.js';
import { MESSAGE_DELIVERY } from './relay-messages.js';

/** What the relay reads of a frame; the payload (`sealed`) is checked but never looked into. */
export type FrameHeader =
  | { t: 'msg'; mode: 'reliable'; seq: number; type: string; key?: undefined }
  | { t: 'msg'; mode: 'latest'; seq?: undefined; type: string; key?: string }
  | { t: 'ack'; seq: number }
  | { t: 'hb' }
  | { t: 'bye' };

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
const MSG_PREFIX = ascii(`{"v":${RELAY_PROTOCOL_VERSION},"t":"msg","mode":"`);
const RELIABLE_SEQ = ascii('reliable","seq":');
const LATEST_TYPE = ascii('latest","type":"');
const TYPE = ascii(',"type":"');
const KEY = ascii(',"key":"');
const SEALED = ascii(',"sealed":"');
const ACK_PREFIX = ascii('{"t":"ack","seq":');
const QUOTE = 0x22;
const CLOSE_BRACE = 0x7d;
const MAX_TYPE_CHARS = 48;
const MAX_KEY_CHARS = 64;
/** 15 digits stay below Number.MAX_SAFE_INTEGER; longer numbers take the full path. */
const MAX_SEQ_DIGITS = 15;

/** The header of a canonical `msg` or `ack` frame, or undefined: then parse it the full way. */
export function scanClientFrame(bytes: Uint8Array): FrameHeader | undefined {
  if (startsWith(bytes, 0, ACK_PREFIX)) {
    const end = digitsEnd(bytes, ACK_PREFIX.length);
    if (end < 0 || end !== bytes.length - 1 || bytes[end] !== CLOSE_BRACE) return undefined;
    return { t: 'ack', seq: readInt(bytes, ACK_PREFIX.length, end) };
  }
  if (!startsWith(bytes, 0, MSG_PREFIX)) return undefined;
  let at = MSG_PREFIX.length;
  let seq: number | undefined;
  if (startsWith(bytes, at, RELIABLE_SEQ)) {
    at += RELIABLE_SEQ.length;
    const end = digitsEnd(bytes, at);
    if (end < 0 || bytes[at] === 0x30) return undefined; // no seq 0 here, nor leading zeros
    seq = readInt(bytes, at, end);
    if (!startsWith(bytes, end, TYPE)) return undefined;
    at = end + TYPE.length;
  } else if (startsWith(bytes, at, LATEST_TYPE)) {
    at += LATEST_TYPE.length;
  } else {
    return undefined;
  }
  const typeEnd = typeNameEnd(bytes, at);
  if (typeEnd < 0) return undefined;
  // A known type comes back as the protocol's own string (nothing to allocate); an unknown name
  // takes the full path, where the relay refuses it.
  const type = knownType(bytes, at, typeEnd);
  if (type === undefined) return undefined;
  at = typeEnd + 1;
  let key: string | undefined;
  if (seq === undefined && startsWith(bytes, at, KEY)) {
    const keyStart = at + KEY.length;
    const keyEnd = base64urlEnd(bytes, keyStart);
    if (keyEnd < 0 || keyEnd - keyStart > MAX_KEY_CHARS) return undefined;
    key = latin1(bytes, keyStart, keyEnd);
    at = keyEnd + 1;
  }
  if (!startsWith(bytes, at, SEALED)) return undefined;
  const sealedEnd = base64urlEnd(bytes, at + SEALED.length);
  if (sealedEnd < 0 || sealedEnd !== bytes.length - 2 || bytes[sealedEnd + 1] !== CLOSE_BRACE) {
    return undefined;
  }
  if (seq !== undefined) return { t: 'msg', mode: 'reliable', seq, type };
  return key === undefined
    ? { t: 'msg', mode: 'latest', type }
    : { t: 'msg', mode: 'latest', type, key };
}

function startsWith(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  if (bytes.length - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

/** Index after 1..MAX_SEQ_DIGITS digits from `at`, or -1. */
function digitsEnd(bytes: Uint8Array, at: number): number {
  let end = at;
  while (end < bytes.length && isDigit(bytes[end]!)) end++;
  const count = end - at;
  if (count === 0 || count > MAX_SEQ_DIGITS) return -1;
  if (count > 1 && bytes[at] === 0x30) return -1; // JSON has no leading zeros
  return end;
}

function readInt(bytes: Uint8Array, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + (bytes[i]! - 0x30);
  return value;
}

/** `[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*` up to its closing quote: the index of the quote, or -1. */
function typeNameEnd(bytes: Uint8Array, at: number): number {
  let segmentStart = true;
  for (let i = at; i < bytes.length && i - at <= MAX_TYPE_CHARS; i++) {
    const c = bytes[i]!;
    if (c === QUOTE) return segmentStart ? -1 : i;
    if (isLower(c)) segmentStart = false;
    else if (c === 0x2e) {
      if (segmentStart) return -1;
      segmentStart = true;
    } else if (segmentStart || !(isDigit(c) || c === 0x2d)) return -1;
  }
  return -1;
}

/** 1 for the base64url alphabet `[A-Za-z0-9_-]`: one lookup per byte of a sealed payload. */
const BASE64URL = new Uint8Array(256);
for (const c of ascii('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-')) {
  BASE64URL[c] = 1;
}

/** One or more `[A-Za-z0-9_-]` up to the closing quote: the index of the quote, or -1. */
function base64urlEnd(bytes: Uint8Array, at: number): number {
  const end = bytes.indexOf(QUOTE, at);
  if (end <= at) return -1;
  for (let i = at; i < end; i++) if (BASE64URL[bytes[i]!] === 0) return -1;
  return end;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;

function latin1(bytes: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

/** The message types of the protocol, by length: [bytes, name] pairs to compare against. */
const KNOWN_TYPES = new Map<number, Array<[Uint8Array, string]>>();
for (const name of Object.keys(MESSAGE_DELIVERY)) {
  const list = KNOWN_TYPES.get(name.length) ?? [];
  list.push([ascii(name), name]);
  KNOWN_TYPES.set(name.length, list);
}

function knownType(bytes: Uint8Array, from: number, to: number): string | undefined {
  for (const [candidate, name] of KNOWN_TYPES.get(to - from) ?? []) {
    if (startsWith(bytes, from, candidate)) return name;
  }
  return undefined;
}
