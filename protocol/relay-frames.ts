// The relay envelope: the frames a terminal and the relay server exchange over the WebSocket.
// The server reads only these fields (type, size, seq); the body is sealed end to end.
// zod/mini: the same schemas at a fraction of the phone page's bundle size.
import * as z from 'zod/mini';

/** Bumped on any breaking change of frames or messages; checked at the upgrade and in every frame. */
export const RELAY_PROTOCOL_VERSION = 2;
/** The path of the WebSocket upgrade. */
export const RELAY_PATH = '/v1/relay';
/** The largest frame the relay accepts by default (its `maxPayload`); larger closes with 1009. */
export const MAX_FRAME_BYTES = 1024 * 1024;
/**
 * When either end acknowledges (acks are cumulative, so they may wait): at once when this many
 * messages or bytes are unacknowledged, otherwise within a delay of the first one.
 */
export const ACK_POLICY = Object.freeze({
  messages: 64,
  bytes: 256 * 1024,
  /** The relay toward a sender: the sender's outbox (and its flush) waits on this ack. */
  relayDelayMs: 200,
  /** A receiver toward the relay: only the relay's copy, kept for a resume, waits on it. */
  receiverDelayMs: 1000,
});

export const RoleSchema = z.enum(['pc', 'phone']);
export type Role = z.infer<typeof RoleSchema>;

/** reliable: numbered, acknowledged, never dropped. latest: may be coalesced (newest per type and key wins). */
export const DeliverySchema = z.enum(['reliable', 'latest']);
export type Delivery = z.infer<typeof DeliverySchema>;

/** A message type: a dotted lowercase name such as `data.text` or `op.scroll`. */
export const MessageTypeNameSchema = z
  .string()
  .check(z.minLength(1), z.maxLength(48), z.regex(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/));

const seq = z.int().check(z.gte(1), z.lte(Number.MAX_SAFE_INTEGER));
const cumulativeAck = z.int().check(z.gte(0), z.lte(Number.MAX_SAFE_INTEGER));
/** base64url of 12-byte IV followed by the AES-GCM ciphertext and tag. */
const sealedText = z.string().check(z.regex(/^[A-Za-z0-9_-]+$/));
/**
 * Latest-wins frames coalesce per type and `key`: the transfer id of `data.file.progress`, so one
 * file's final progress never replaces another's. The relay sees it; it is random and says nothing.
 */
export const CoalesceKeySchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));

/** One message from a terminal. The relay forwards it byte for byte inside a `fwd` frame. */
export const MsgFrameSchema = z.union([
  z.strictObject({
    v: z.literal(RELAY_PROTOCOL_VERSION),
    t: z.literal('msg'),
    mode: z.literal('reliable'),
    seq,
    type: MessageTypeNameSchema,
    sealed: z.optional(sealedText),
    body: z.optional(z.unknown()),
  }),
  z.strictObject({
    v: z.literal(RELAY_PROTOCOL_VERSION),
    t: z.literal('msg'),
    mode: z.literal('latest'),
    type: MessageTypeNameSchema,
    key: z.optional(CoalesceKeySchema),
    sealed: z.optional(sealedText),
    body: z.optional(z.unknown()),
  }),
]);
export type MsgFrame = z.infer<typeof MsgFrameSchema>;

/** "I hold everything up to and including seq." Sent by both the terminal and the server. */
export const AckFrameSchema = z.strictObject({ t: z.literal('ack'), seq: cumulativeAck });
/** Keeps the silence watchdogs quiet; either side sends it. */
export const HeartbeatFrameSchema = z.strictObject({ t: z.literal('hb') });
/** The terminal leaves on purpose (page closed): its slot is freed at once, no grace window. */
export const ByeFrameSchema = z.strictObject({ t: z.literal('bye') });

export const ClientFrameSchema = z.union([
  MsgFrameSchema,
  AckFrameSchema,
  HeartbeatFrameSchema,
  ByeFrameSchema,
]);
export type ClientFrame = z.infer<typeof ClientFrameSchema>;

export const WelcomeFrameSchema = z.strictObject({
  t: z.literal('welcome'),
  v: z.literal(RELAY_PROTOCOL_VERSION),
  role: RoleSchema,
  /** Present it (with `last`) when reconnecting inside the grace window to resume. */
  resumeToken: z.string().check(z.minLength(16)),
  /** True when the server kept this terminal's state: resend what it has not acknowledged. */
  resumed: z.boolean(),
  /** Highest seq the server holds from this terminal (0 for a fresh slot). */
  recvSeq: cumulativeAck,
  peer: z.enum(['present', 'away', 'absent']),
  graceMs: z.int().check(z.gte(0)),
  heartbeatMs: z.int().check(z.gte(1)),
});
export type WelcomeFrame = z.infer<typeof WelcomeFrameSchema>;

export const PeerJoinedFrameSchema = z.strictObject({
  t: z.literal('peer-joined'),
  role: RoleSchema,
  resumed: z.boolean(),
});
/** The peer's connection dropped; it may still come back within the grace window. */
export const PeerAwayFrameSchema = z.strictObject({ t: z.literal('peer-away'), role: RoleSchema });
export const PeerLeftFrameSchema = z.strictObject({
  t: z.literal('peer-left'),
  role: RoleSchema,
  /** closed: the page was closed; expired: it did not come back within the grace window. */
  reason: z.enum(['closed', 'expired']),
});
export const ErrorFrameSchema = z.strictObject({
  t: z.literal('error'),
  code: z.string().check(z.minLength(1)),
  message: z.string(),
});

/**
 * A terminal's message as the relay delivers it: `msg` is the sender's frame, unchanged; `seq` is the
 * relay's own numbering toward this receiver (absent for latest-wins), which the receiver acks.
 */
export const ForwardFrameSchema = z.strictObject({
  t: z.literal('fwd'),
  seq: z.optional(seq),
  msg: MsgFrameSchema,
});
export type ForwardFrame = z.infer<typeof ForwardFrameSchema>;

export const ServerFrameSchema = z.union([
  WelcomeFrameSchema,
  ForwardFrameSchema,
  AckFrameSchema,
  HeartbeatFrameSchema,
  PeerJoinedFrameSchema,
  PeerAwayFrameSchema,
  PeerLeftFrameSchema,
  ErrorFrameSchema,
]);
export type ServerFrame = z.infer<typeof ServerFrameSchema>;

/** The body of an HTTP refusal (upgrade or probe): the same shape as the pairing API's errors. */
export const RelayRefusalSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type RelayRefusal = z.infer<typeof RelayRefusalSchema>;
