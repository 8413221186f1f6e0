// A mirror message too large for one relay frame (a big page's full snapshot) travels gzipped in
// numbered parts, reliably and in order; the phone joins them, inflates and validates the original
// `mirror.snapshot` or `mirror.patch` before replaying it. Beyond a hard cap the PC sends
// `mirror.unavailable` instead, and the phone shows a placeholder rather than a blank page.
import * as z from 'zod/mini';
import type { NamesEveryCode } from './coded-error.js';
import type { MirrorErrorCode as MirrorCode } from './errors/mirror.js';

/**
 * Stable codes of the mirror's transport by short name (catalogue: protocol/errors/mirror.ts).
 * Written out, so the phone page's script does not carry the catalogue's texts.
 */
export const MirrorErrorCode = {
  TooLarge: 'MIRROR_TOO_LARGE',
  PartsInvalid: 'MIRROR_PARTS_INVALID',
} as const satisfies Record<string, MirrorCode>;
export type MirrorErrorCode = MirrorCode;
const _everyCodeNamed: NamesEveryCode<MirrorCode, typeof MirrorErrorCode> = true;

/** The largest mirror message, as JSON before compression; the phone refuses anything larger. */
export const MAX_MIRROR_MESSAGE_BYTES = 32 * 1024 * 1024;
/** Compressed bytes per part: sealed (base64 once) a part's frame stays well under the 1 MiB cap. */
export const MIRROR_PART_BYTES = 384 * 1024;
/** Enough parts for the cap even if gzip gained nothing. */
export const MAX_MIRROR_PARTS = Math.ceil((MAX_MIRROR_MESSAGE_BYTES * 1.01) / MIRROR_PART_BYTES);

const base64 = z.string().check(z.regex(/^[A-Za-z0-9+/]*={0,2}$/));

/**
 * One part of a gzipped mirror message. All parts of one message share `id`, `of`, `count` and
 * `bytes` (the gzipped length); `index` runs 0 … count-1 and `data` is base64.
 */
export const MirrorPartSchema = z.strictObject({
  type: z.literal('mirror.part'),
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
  of: z.enum(['mirror.snapshot', 'mirror.patch']),
  /** `gzip+seq-ids`: the JSON left out the ids that follow on (`mirror-ids.ts`) before gzip. */
  encoding: z.enum(['gzip', 'gzip+seq-ids']),
  index: z.int().check(z.gte(0), z.lt(MAX_MIRROR_PARTS)),
  count: z.int().check(z.gte(1), z.lte(MAX_MIRROR_PARTS)),
  bytes: z.int().check(z.gte(1), z.lte(MAX_MIRROR_PARTS * MIRROR_PART_BYTES)),
  data: base64.check(z.maxLength(Math.ceil(MIRROR_PART_BYTES / 3) * 4)),
});
export type MirrorPart = z.infer<typeof MirrorPartSchema>;

/** The PC cannot mirror the shown page (it is over the cap): the phone drops its copy and says so. */
export const MirrorUnavailableSchema = z.strictObject({
  type: z.literal('mirror.unavailable'),
  code: z.literal(MirrorErrorCode.TooLarge),
  /** The message's JSON size, for the person ("12 MB"). */
  bytes: z.int().check(z.gte(0)),
});
