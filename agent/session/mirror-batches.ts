// How the recorder's batches travel to the phone: as `mirror.snapshot` / `mirror.patch` messages of
// at most 10,000 events; one worth compressing (or too large for a frame) goes gzipped in
// `mirror.part`s, and one over the cap becomes `mirror.unavailable` so the phone can say so.
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import { elideSequentialIds } from '../../protocol/mirror-ids.js';
import {
  MAX_MIRROR_MESSAGE_BYTES,
  MIRROR_PART_BYTES,
  MirrorErrorCode,
  type MirrorPart,
} from '../../protocol/mirror-parts.js';
import {
  MAX_MIRROR_EVENTS,
  type MirrorEvent,
  type RelayMessage,
} from '../../protocol/relay-messages.js';
import { EventType, IncrementalSource, isIncrementalFrom } from '../../protocol/rrweb-events.js';

const gzipAsync = promisify(gzip);

export type MirrorMessage = Extract<
  RelayMessage,
  { type: 'mirror.snapshot' | 'mirror.patch' | 'mirror.part' | 'mirror.unavailable' }
>;
type EventsMessage = Extract<RelayMessage, { type: 'mirror.snapshot' | 'mirror.patch' }>;

export interface MirrorEncoding {
  /** JSON up to this size may travel as it is: sealed (base64, a third more) it fits a frame. */
  inlineBytes: number;
  /** Smaller messages (a scroll, a keystroke) are not worth gzip's header and the CPU. */
  compressFromBytes: number;
  /** The cap: a larger message is not sent (`mirror.unavailable`). */
  maxBytes: number;
  /** Gzipped bytes per part. */
  partBytes: number;
}

export const DEFAULT_MIRROR_ENCODING: Readonly<MirrorEncoding> = Object.freeze({
  inlineBytes: 600_000,
  compressFromBytes: 1024,
  maxBytes: MAX_MIRROR_MESSAGE_BYTES,
  partBytes: MIRROR_PART_BYTES,
});

/** A batch that carries a full snapshot resets the phone's replayer (`mirror.snapshot`). */
export function isFullSnapshotBatch(events: readonly unknown[]): boolean {
  return events.some((event) => {
    const type = (event as { type?: unknown } | null)?.type;
    return type === EventType.FullSnapshot || type === EventType.Meta;
  });
}

/**
 * The messages that carry one recorder batch, in order: a snapshot batch starts with
 * `mirror.snapshot` (or its parts), the rest are patches. When any of it is over the cap the
 * phone cannot show the page: the whole batch becomes one `mirror.unavailable`.
 */
export async function encodeMirrorBatch(
  events: readonly MirrorEvent[],
  encoding: Partial<MirrorEncoding> = {},
): Promise<MirrorMessage[]> {
  const options = { ...DEFAULT_MIRROR_ENCODING, ...encoding };
  const messages: MirrorMessage[] = [];
  let type: EventsMessage['type'] = isFullSnapshotBatch(events)
    ? 'mirror.snapshot'
    : 'mirror.patch';
  for (let start = 0; start < events.length; start += MAX_MIRROR_EVENTS) {
    const message = { type, payload: events.slice(start, start + MAX_MIRROR_EVENTS) };
    const encoded = await encodeMessage(message, options);
    if (encoded[0]?.type === 'mirror.unavailable') return encoded;
    messages.push(...encoded);
    type = 'mirror.patch';
  }
  return messages;
}

async function encodeMessage(
  message: EventsMessage,
  options: MirrorEncoding,
): Promise<MirrorMessage[]> {
  const json = JSON.stringify(message);
  const bytes = Buffer.byteLength(json);
  if (bytes > options.maxBytes) {
    return [{ type: 'mirror.unavailable', code: MirrorErrorCode.TooLarge, bytes }];
  }
  // Compressed, typed text beside page text would let the sealed length say something of it.
  const plain = bytes < options.compressFromBytes || carriesInput(message.payload);
  if (plain && bytes <= options.inlineBytes) return [message];
  // Sealed, a part carries its gzip as raw bytes (sealed-plaintext.ts): fewer bytes win. The
  // best level costs little more than the default here and gains a tenth on big snapshots.
  const elided = elideSequentialIds(message.payload);
  const packed = await gzipAsync(elided ? JSON.stringify({ ...message, payload: elided }) : json, {
    level: constants.Z_BEST_COMPRESSION,
  });
  if (bytes <= options.inlineBytes && packed.length >= bytes) return [message];
  return partsOf(message.type, packed, options.partBytes, elided ? 'gzip+seq-ids' : 'gzip');
}

/** An incremental event from a form field carries the value typed. */
function carriesInput(events: readonly MirrorEvent[]): boolean {
  return events.some((event) => isIncrementalFrom(event, IncrementalSource.Input));
}

function partsOf(
  of: EventsMessage['type'],
  packed: Buffer,
  partBytes: number,
  encoding: MirrorPart['encoding'],
): MirrorPart[] {
  const id = randomBytes(12).toString('base64url');
  const count = Math.ceil(packed.length / partBytes);
  return Array.from({ length: count }, (_, index) => ({
    type: 'mirror.part',
    id,
    of,
    encoding,
    index,
    count,
    bytes: packed.length,
    data: packed.subarray(index * partBytes, (index + 1) * partBytes).toString('base64'),
  }));
}
