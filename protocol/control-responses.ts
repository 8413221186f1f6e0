// What the agent's local control API answers: the agent builds these (agent/control), the desktop
// UI checks them on arrival (desktop-ui/control-client.ts). Unknown fields are let through and
// dropped, so the agent may report more than a caller reads.
import * as z from 'zod/mini';

/** One phone the agent sees: never the raw identity, only its kind and masked form. */
export const PhoneViewSchema = z.object({
  serial: z.string(),
  model: z.string(),
  /** `kind`: an IdentityKind (protocol/pairing.ts, which brings all of zod: kept out of the UI). */
  identity: z.nullable(z.object({ kind: z.string(), masked: z.string() })),
  /** A pairing state (agent/pairing/states.ts): detected, connecting, connected, failed, … */
  state: z.string(),
  /** Why a phone is failed or waiting: a code catalogued in docs/errors.md. */
  reason: z.optional(z.string()),
  /** A sentence a person can act on. */
  hint: z.string(),
  /** A takeover waits for the person's tap on the phone until then (epoch ms). */
  takeoverUntil: z.optional(z.number()),
});
export type PhoneView = z.infer<typeof PhoneViewSchema>;

/** `GET /api/status`, and the answer of `POST /api/pause` and `/api/resume`. */
export const AgentStatusSchema = z.object({
  paused: z.boolean(),
  serverUrl: z.string(),
  devices: z.array(PhoneViewSchema),
  /** Phones on USB that show no ADB: USB debugging is off. */
  usbWithoutDebugging: z.array(
    z.object({
      vendorId: z.number(),
      productId: z.number(),
      productName: z.optional(z.string()),
    }),
  ),
});
export type AgentStatusView = z.infer<typeof AgentStatusSchema>;

/** A phone this computer paired before (masked identity only). */
export const HistoryViewSchema = z.object({
  kind: z.string(),
  masked: z.string(),
  model: z.string(),
  manufacturer: z.string(),
  lastSerial: z.string(),
  firstPairedAt: z.string(),
  lastSeenAt: z.string(),
  timesConnected: z.number(),
});
export type HistoryView = z.infer<typeof HistoryViewSchema>;

/** The tab `POST /api/open` created. */
export const OpenedTabSchema = z.object({ tabId: z.string(), url: z.string() });
export type OpenedTab = z.infer<typeof OpenedTabSchema>;

/** One tab of the PC browsing session; `active`: the one the phones are shown. */
export const TabViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  title: z.string(),
  /** An absolute URL of the page's icon, or '' when the page names none. */
  favicon: z.string(),
  active: z.boolean(),
});
export type TabView = z.infer<typeof TabViewSchema>;

/** What `POST /api/send` sent, and to which phones (serial and masked identity, never the raw one). */
export const SendResultSchema = z.object({
  kind: z.enum(['selection', 'link', 'image', 'text']),
  phones: z.array(z.object({ serial: z.string(), masked: z.nullable(z.string()) })),
  /** Characters of text, or bytes of an image. */
  size: z.number(),
  /** The link sent, or the image's URL. */
  url: z.optional(z.string()),
});
export type SendResult = z.infer<typeof SendResultSchema>;
export type SentTo = SendResult['phones'][number];

/** Every refusal: a stable code (docs/errors.md) and a sentence, with an HTTP status. */
export const ControlErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ControlErrorBody = z.infer<typeof ControlErrorBodySchema>;

/** What a phone sent this computer, as the inbox keeps it (agent/inbox): never the raw identity. */
export const InboxItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['text', 'link', 'image', 'file']),
  /** The phone's masked identity ('' for a phone without one: a QR-code session). */
  from: z.string(),
  /** The phone's model ('' when unknown). */
  model: z.string(),
  /** When it arrived (ISO time). */
  at: z.string(),
  text: z.optional(z.string()),
  url: z.optional(z.string()),
  /** A link's page title, when the phone gave one. */
  title: z.optional(z.string()),
  /** Where a file or image was saved (in the inbox folder). */
  path: z.optional(z.string()),
  /** A file's name as the phone gave it. */
  name: z.optional(z.string()),
  /** The size: a file's bytes, or the text's or link's UTF-8 bytes. */
  bytes: z.number(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;
export type InboxKind = InboxItem['kind'];
