// A hand-written check of the hot frames (`msg`, `ack`), equivalent to their schemas but without the
// cost of a schema union on every relayed message. Other frames go through ClientFrameSchema.
import { RELAY_PROTOCOL_VERSION, ClientFrameSchema, type ClientFrame } from './relay-frames.js';

const TYPE_NAME = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;
const SEALED = /^[A-Za-z0-9_-]+$/;
const MSG_KEYS = new Set(['v', 't', 'mode', 'seq', 'type', 'key', 'sealed', 'body']);
const COALESCE_KEY = /^[A-Za-z0-9_-]{1,64}$/;

/** The frame, or undefined when it does not fit the protocol. */
export function checkClientFrame(json: unknown): ClientFrame | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const frame = json as Record<string, unknown>;
  if (frame.t === 'ack' && isPlainAck(frame)) return frame as ClientFrame;
  if (frame.t !== 'msg') {
    const parsed = ClientFrameSchema.safeParse(json);
    return parsed.success ? parsed.data : undefined;
  }
  for (const key in frame) if (!MSG_KEYS.has(key)) return undefined;
  if (frame.v !== RELAY_PROTOCOL_VERSION) return undefined;
  const type = frame.type;
  if (typeof type !== 'string' || type.length > 48 || !TYPE_NAME.test(type)) return undefined;
  if (
    frame.sealed !== undefined &&
    (typeof frame.sealed !== 'string' || !SEALED.test(frame.sealed))
  ) {
    return undefined;
  }
  if (frame.mode === 'latest') {
    const key = frame.key;
    if (key !== undefined && (typeof key !== 'string' || !COALESCE_KEY.test(key))) return undefined;
    return frame.seq === undefined ? (frame as ClientFrame) : undefined;
  }
  if (frame.mode !== 'reliable' || frame.key !== undefined) return undefined;
  const seq = frame.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return undefined;
  return frame as ClientFrame;
}

/** `{"t":"ack","seq":n}` and nothing else: the second most frequent frame, checked without zod. */
function isPlainAck(frame: Record<string, unknown>): boolean {
  for (const key in frame) if (key !== 't' && key !== 'seq') return false;
  const seq = frame.seq;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0;
}
