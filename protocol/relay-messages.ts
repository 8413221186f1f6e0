// What flows between the PC and the phone inside the relay envelope: shared data, operations on the
// page, and the mirror stream. These bodies are what gets sealed end to end.
import * as z from 'zod/mini';
import type { Delivery } from './relay-frames.js';
import { MirrorPartSchema, MirrorUnavailableSchema } from './mirror-parts.js';

export const MAX_TEXT_CHARS = 100_000;
/** The largest file either side may share. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Raw bytes per file chunk; base64 and sealing keep a chunk frame well under the 1 MiB maxPayload. */
export const FILE_CHUNK_BYTES = 192 * 1024;

const base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/));
const httpUrl = z.string().check(
  z.maxLength(8192),
  z.refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'must be an http(s) URL'),
);
const fileId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));
/** A reference to an element of the mirrored page (the mirror's node id). */
export const ElementRefSchema = z.string().check(z.minLength(1), z.maxLength(128));

// Shared data: what one terminal sends is forwarded to the other, both ways.
export const TextMessageSchema = z.strictObject({
  type: z.literal('data.text'),
  text: z.string().check(z.maxLength(MAX_TEXT_CHARS)),
});
export const LinkMessageSchema = z.strictObject({
  type: z.literal('data.link'),
  url: httpUrl,
  title: z.optional(z.string().check(z.maxLength(1000))),
});
/** Opens a file (or an image: kind `image`) transfer; chunks follow, then `data.file.end`. */
export const FileBeginMessageSchema = z.strictObject({
  type: z.literal('data.file.begin'),
  id: fileId,
  kind: z.enum(['file', 'image']),
  name: z.string().check(z.minLength(1), z.maxLength(255)),
  mime: z.string().check(z.minLength(1), z.maxLength(255)),
  size: z.int().check(z.gte(0), z.lte(MAX_FILE_BYTES)),
  /** Lowercase hex SHA-256 of the whole file; the receiver checks it. */
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  chunkBytes: z.int().check(z.gte(1024), z.lte(FILE_CHUNK_BYTES)),
});
export const FileChunkMessageSchema = z.strictObject({
  type: z.literal('data.file.chunk'),
  id: fileId,
  index: z.int().check(z.gte(0)),
  data: base64,
});
export const FileEndMessageSchema = z.strictObject({
  type: z.literal('data.file.end'),
  id: fileId,
});
export const FileAbortMessageSchema = z.strictObject({
  type: z.literal('data.file.abort'),
  id: fileId,
  reason: z.string().check(z.maxLength(200)),
});
/** The receiver's progress, so the sender shows it too (latest-wins). */
export const FileProgressMessageSchema = z.strictObject({
  type: z.literal('data.file.progress'),
  id: fileId,
  received: z.int().check(z.gte(0)),
  size: z.int().check(z.gte(0)),
  done: z.boolean(),
  ok: z.optional(z.boolean()),
});

// Operation instructions: the other terminal performs the same operation.
export const NavigateOpSchema = z.strictObject({ type: z.literal('op.navigate'), url: httpUrl });
export const BackOpSchema = z.strictObject({ type: z.literal('op.back') });
export const ForwardOpSchema = z.strictObject({ type: z.literal('op.forward') });
export const ReloadOpSchema = z.strictObject({ type: z.literal('op.reload') });
export const ScrollOpSchema = z.strictObject({
  type: z.literal('op.scroll'),
  x: z.number(),
  y: z.number(),
  ref: z.optional(ElementRefSchema),
  // Fitted to the phone, the layouts differ: the place by content, the element at the phone's top
  // (`fraction` of the way down it at viewport y `at`); x and y are the fallback.
  anchor: z.optional(
    z.strictObject({ ref: ElementRefSchema, fraction: z.number(), at: z.number() }),
  ),
});
export const FindOpSchema = z.discriminatedUnion('action', [
  z.strictObject({
    type: z.literal('op.find'),
    action: z.literal('query'),
    query: z.string().check(z.minLength(1), z.maxLength(1000)),
    caseSensitive: z.optional(z.boolean()),
  }),
  z.strictObject({ type: z.literal('op.find'), action: z.literal('next') }),
  z.strictObject({ type: z.literal('op.find'), action: z.literal('previous') }),
  z.strictObject({ type: z.literal('op.find'), action: z.literal('clear') }),
]);
export const ClickOpSchema = z.strictObject({ type: z.literal('op.click'), ref: ElementRefSchema });
export const InputOpSchema = z.strictObject({
  type: z.literal('op.input'),
  ref: ElementRefSchema,
  value: z.string().check(z.maxLength(MAX_TEXT_CHARS)),
});
export const SelectOpSchema = z.strictObject({
  type: z.literal('op.select'),
  ref: ElementRefSchema,
  values: z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(1000)),
});

/** Show a PC tab on the phone (and make it the PC's active tab), or close it. */
export const TabOpSchema = z.strictObject({
  type: z.literal('op.tab'),
  action: z.enum(['show', 'close']),
  tabId: z.string().check(z.minLength(1), z.maxLength(128)),
});
/** Copy an element's text (or, without `ref`, the PC's selection) to the phone: a `data.text` answers. */
export const CopyOpSchema = z.strictObject({
  type: z.literal('op.copy'),
  ref: z.optional(ElementRefSchema),
});

// The mirror stream (PC → phone): rrweb events, kept as the recorder made them.
/** Events per mirror message; a larger batch is split by the sender (a large one travels in parts). */
export const MAX_MIRROR_EVENTS = 10_000;
export const MAX_TABS = 500;

/** One rrweb event: the replayer needs its numeric `type` and `timestamp`; `data` is its own affair. */
export interface MirrorEvent {
  type: number;
  timestamp: number;
  [key: string]: unknown;
}
const isMirrorEvent = (value: unknown): value is MirrorEvent =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Number.isFinite((value as { type?: unknown }).type) &&
  Number.isFinite((value as { timestamp?: unknown }).timestamp);
// z.custom keeps each event object as it is (no copy, key order intact): snapshots are large.
const mirrorEvents = z
  .array(z.custom<MirrorEvent>(isMirrorEvent, 'must be an rrweb event (numeric type, timestamp)'))
  .check(z.minLength(1), z.maxLength(MAX_MIRROR_EVENTS));

/** A full snapshot and the events after it: the phone resets its replayer and starts from it. */
export const MirrorSnapshotSchema = z.strictObject({
  type: z.literal('mirror.snapshot'),
  payload: mirrorEvents,
});
/** Incremental events of the shown tab, applied in order after the last snapshot. */
export const MirrorPatchSchema = z.strictObject({
  type: z.literal('mirror.patch'),
  payload: mirrorEvents,
});
export const MirrorTabSchema = z.strictObject({
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  /** Any scheme (about:blank, a file): the phone offers "open on this phone" for http(s) only. */
  url: z.string().check(z.maxLength(8192)),
  title: z.string().check(z.maxLength(1000)),
  favicon: z.optional(z.string().check(z.maxLength(8192))),
  active: z.boolean(),
});
export type MirrorTabInfo = z.infer<typeof MirrorTabSchema>;
/** The PC's tabs (latest-wins): the whole list each time. */
export const MirrorTabsSchema = z.strictObject({
  type: z.literal('mirror.tabs'),
  tabs: z.array(MirrorTabSchema).check(z.maxLength(MAX_TABS)),
});
/** The PC's answer to `op.find`: `index` is 1-based, 0 when there is no current match. */
export const FindResultSchema = z.strictObject({
  type: z.literal('find.result'),
  count: z.int().check(z.gte(0)),
  index: z.int().check(z.gte(0)),
});

export const RelayMessageSchema = z.union([
  TextMessageSchema,
  LinkMessageSchema,
  FileBeginMessageSchema,
  FileChunkMessageSchema,
  FileEndMessageSchema,
  FileAbortMessageSchema,
  FileProgressMessageSchema,
  NavigateOpSchema,
  BackOpSchema,
  ForwardOpSchema,
  ReloadOpSchema,
  ScrollOpSchema,
  FindOpSchema,
  ClickOpSchema,
  InputOpSchema,
  SelectOpSchema,
  TabOpSchema,
  CopyOpSchema,
  MirrorSnapshotSchema,
  MirrorPatchSchema,
  MirrorPartSchema,
  MirrorUnavailableSchema,
  MirrorTabsSchema,
  FindResultSchema,
]);
export type RelayMessage = z.infer<typeof RelayMessageSchema>;
export type RelayMessageType = RelayMessage['type'];

/**
 * How each message type travels. Positions, progress, tab lists and find answers may be coalesced;
 * the rest never. A snapshot is reliable: the patches after it must not overtake it.
 */
export const MESSAGE_DELIVERY: Readonly<Record<RelayMessageType, Delivery>> = Object.freeze({
  'data.text': 'reliable',
  'data.link': 'reliable',
  'data.file.begin': 'reliable',
  'data.file.chunk': 'reliable',
  'data.file.end': 'reliable',
  'data.file.abort': 'reliable',
  'data.file.progress': 'latest',
  'op.navigate': 'reliable',
  'op.back': 'reliable',
  'op.forward': 'reliable',
  'op.reload': 'reliable',
  'op.scroll': 'latest',
  'op.find': 'reliable',
  'op.click': 'reliable',
  'op.input': 'reliable',
  'op.select': 'reliable',
  'op.tab': 'reliable',
  'op.copy': 'reliable',
  'mirror.snapshot': 'reliable',
  'mirror.patch': 'reliable',
  'mirror.part': 'reliable',
  'mirror.unavailable': 'reliable',
  'mirror.tabs': 'latest',
  'find.result': 'latest',
});

const DELIVERY_BY_TYPE: ReadonlyMap<string, Delivery> = new Map(Object.entries(MESSAGE_DELIVERY));

/** How a message type travels, or undefined for a type the protocol does not know. */
export function deliveryOf(type: string): Delivery | undefined {
  return DELIVERY_BY_TYPE.get(type);
}

/** The key a latest-wins message coalesces under besides its type (see CoalesceKeySchema). */
export function coalesceKeyOf(message: RelayMessage): string | undefined {
  return message.type === 'data.file.progress' ? message.id : undefined;
}
