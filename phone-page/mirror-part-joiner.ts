// Joins the `mirror.part`s of one large mirror message (they arrive reliably and in order),
// inflates the gzip with the cap enforced as it streams (a small part cannot grow into a huge
// document) and validates the result as the `mirror.snapshot` or `mirror.patch` it names.
import { base64ToBytes } from '../relay-client/base64.js';
import { CodedError } from '../protocol/coded-error.js';
import {
  MAX_MIRROR_MESSAGE_BYTES,
  MirrorErrorCode,
  type MirrorPart,
} from '../protocol/mirror-parts.js';
import { restoreSequentialIds } from '../protocol/mirror-ids.js';
import {
  MirrorPatchSchema,
  MirrorSnapshotSchema,
  type RelayMessage,
} from '../protocol/relay-messages.js';

export type EventsMessage = Extract<RelayMessage, { type: 'mirror.snapshot' | 'mirror.patch' }>;

export class MirrorError extends CodedError<MirrorErrorCode> {
  constructor(code: MirrorErrorCode, message: string) {
    super(code, message);
    this.name = 'MirrorError';
  }
}

interface Assembly {
  first: MirrorPart;
  chunks: Uint8Array<ArrayBuffer>[];
  received: number;
}

export class MirrorPartJoiner {
  private open: Assembly | undefined;
  /** A message already refused: its remaining parts are let go quietly. */
  private refused: string | undefined;

  constructor(private readonly maxBytes = MAX_MIRROR_MESSAGE_BYTES) {}

  /** Feeds one part; resolves with the message once its last part came, else undefined. */
  async add(part: MirrorPart): Promise<EventsMessage | undefined> {
    if (part.id === this.refused) return undefined;
    if (part.index === 0) {
      this.open = { first: part, chunks: [], received: 0 };
      if (part.bytes > this.maxBytes) this.refuse(part, MirrorErrorCode.TooLarge, 'too large');
    }
    const open = this.open;
    const first = open?.first;
    if (
      !open ||
      !first ||
      part.id !== first.id ||
      part.of !== first.of ||
      part.encoding !== first.encoding ||
      part.count !== first.count ||
      part.bytes !== first.bytes ||
      part.index !== open.chunks.length
    ) {
      this.refuse(part, MirrorErrorCode.PartsInvalid, 'a part out of order');
    }
    const bytes = base64ToBytes(part.data);
    open.chunks.push(bytes);
    open.received += bytes.length;
    if (open.received > first.bytes) this.refuse(part, MirrorErrorCode.PartsInvalid, 'too long');
    if (open.chunks.length < first.count) return undefined;
    this.open = undefined;
    if (open.received !== first.bytes) this.refuse(part, MirrorErrorCode.PartsInvalid, 'too short');
    return decode(first, await inflate(open.chunks, this.maxBytes));
  }

  private refuse(part: MirrorPart, code: MirrorErrorCode, why: string): never {
    this.open = undefined;
    this.refused = part.id;
    throw new MirrorError(code, `mirror message ${part.id}: ${why}`);
  }
}

async function inflate(chunks: Uint8Array<ArrayBuffer>[], maxBytes: number): Promise<string> {
  // From memory, not through a Blob: a Blob's stream is read asynchronously through the browser.
  const source = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  const reader = source.pipeThrough(new DecompressionStream('gzip')).getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let text = '';
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        void reader.cancel().catch(() => undefined);
        throw new MirrorError(MirrorErrorCode.TooLarge, 'the mirror message inflates past the cap');
      }
      text += decoder.decode(value, { stream: true });
    }
    return text + decoder.decode();
  } catch (error) {
    if (error instanceof MirrorError) throw error;
    throw new MirrorError(MirrorErrorCode.PartsInvalid, 'the mirror message is not valid gzip');
  }
}

function decode({ of, encoding }: MirrorPart, json: string): EventsMessage {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new MirrorError(MirrorErrorCode.PartsInvalid, 'the mirror message is not JSON');
  }
  if (encoding === 'gzip+seq-ids') value = withIdsRestored(value);
  const parsed = (of === 'mirror.snapshot' ? MirrorSnapshotSchema : MirrorPatchSchema).safeParse(
    value,
  );
  if (!parsed.success) {
    throw new MirrorError(MirrorErrorCode.PartsInvalid, `the joined message is not a valid ${of}`);
  }
  return parsed.data;
}

function withIdsRestored(value: unknown): unknown {
  const payload = (value as { payload?: unknown } | null)?.payload;
  if (!Array.isArray(payload)) return value;
  try {
    return { ...(value as object), payload: restoreSequentialIds(payload) };
  } catch {
    throw new MirrorError(MirrorErrorCode.PartsInvalid, 'the mirror message lost a node id');
  }
}

/** The page is over the mirror's cap: the phone shows "too large to mirror", not a failure. */
export function isMirrorTooLarge(error: unknown): boolean {
  return error instanceof MirrorError && error.code === MirrorErrorCode.TooLarge;
}
