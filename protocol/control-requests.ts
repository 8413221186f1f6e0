// What the agent's local control API accepts: the bodies of its POST routes, checked by the agent
// (agent/control) and typed for its callers (the desktop UI, the CLI). zod/mini: the UI bundles it.
import * as z from 'zod/mini';

const MAX_URL_CHARS = 8192;
const MAX_TARGET_CHARS = 128;

export function isHttpUrl(text: string): boolean {
  return text.length <= MAX_URL_CHARS && /^https?:\/\//i.test(text) && URL.canParse(text);
}

/** `POST /api/forget` and `/api/release`: an adb serial or a masked identity. */
const expectedTarget = 'expected { "target": "<serial or masked identity>" }';
export const TargetRequestSchema = z.object(
  {
    target: z
      .string({ error: expectedTarget })
      .check(z.minLength(1, expectedTarget), z.maxLength(MAX_TARGET_CHARS, expectedTarget)),
  },
  { error: expectedTarget },
);
export type TargetRequest = z.infer<typeof TargetRequestSchema>;

/** `POST /api/open`: an http(s) URL to open in a new tab of the PC browsing session. */
const expectedUrl = 'expected { "url": "<http(s) URL>" }';
export const OpenRequestSchema = z.object(
  { url: z.string({ error: expectedUrl }).check(z.refine(isHttpUrl, expectedUrl)) },
  { error: expectedUrl },
);
export type OpenRequest = z.infer<typeof OpenRequestSchema>;

const browserInput = (action: string) => {
  const needs = `browser request: "${action}" needs "input": a URL or search words (at most 8192 characters)`;
  return z
    .string({ error: needs })
    .check(z.refine((input) => input.trim() !== '' && input.length <= MAX_URL_CHARS, needs));
};
const browserTab = (action: string) => {
  const needs = `browser request: "${action}" needs "tabId"`;
  return z
    .string({ error: needs })
    .check(z.refine((tabId) => tabId !== '' && tabId.length <= MAX_TARGET_CHARS, needs));
};

/** `POST /api/browser`: what the browser bar asks of the PC browsing session. */
export const BrowserRequestSchema = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('open'), input: browserInput('open') }),
    z.object({ action: z.literal('navigate'), input: browserInput('navigate') }),
    z.object({ action: z.enum(['back', 'forward', 'reload']) }),
    z.object({ action: z.literal('show'), tabId: browserTab('show') }),
    z.object({ action: z.literal('close'), tabId: browserTab('close') }),
  ],
  {
    error: 'browser request: "action" is one of open, navigate, back, forward, reload, show, close',
  },
);
export type BrowserRequest = z.infer<typeof BrowserRequestSchema>;

/** Which phone: absent, null or '' mean every connected phone. */
const sendTarget = z.optional(
  z.nullable(
    z
      .string({ error: '"to" must be an adb serial or a masked identity' })
      .check(z.maxLength(MAX_TARGET_CHARS, '"to" must be an adb serial or a masked identity')),
  ),
);
const sendUrl = z.pipe(
  z
    .string({ error: '"url" must be an http(s) URL' })
    .check(z.refine(isHttpUrl, '"url" must be an http(s) URL')),
  z.transform((url) => new URL(url).href),
);

const SendBodySchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('selection'), to: sendTarget }),
    z.object({ kind: z.literal('link'), url: z.optional(sendUrl), to: sendTarget }),
    z.object({ kind: z.literal('image'), url: sendUrl, to: sendTarget }),
    z.object({
      kind: z.literal('text'),
      text: z
        .string({ error: '"text" must be a non-empty string' })
        .check(z.minLength(1, '"text" must be a non-empty string')),
      to: sendTarget,
    }),
  ],
  { error: 'expected a JSON object { "kind": "selection" | "link" | "image" | "text", … }' },
);

/** `POST /api/send`: the selection, a link, an image or text, to one connected phone or all. */
export type SendRequest =
  | { kind: 'selection'; to?: string }
  | { kind: 'link'; url?: string; to?: string }
  | { kind: 'image'; url: string; to?: string }
  | { kind: 'text'; text: string; to?: string };

export type SendKind = SendRequest['kind'];

/** The send body with its absent parts left out (never `to: undefined`). */
export const SendRequestSchema: z.ZodMiniType<SendRequest, unknown> = z.pipe(
  SendBodySchema,
  z.transform((body): SendRequest => {
    const { to, ...rest } = body;
    const request = Object.fromEntries(
      Object.entries(rest).filter(([, value]) => value !== undefined),
    ) as SendRequest;
    return to ? { ...request, to } : request;
  }),
);

/** `POST /api/inbox/open` and `/api/inbox/show`: one inbox item by its id. */
const expectedInboxId = 'expected { "id": "<inbox item id>" }';
export const InboxIdRequestSchema = z.object(
  {
    id: z
      .string({ error: expectedInboxId })
      .check(z.minLength(1, expectedInboxId), z.maxLength(MAX_TARGET_CHARS, expectedInboxId)),
  },
  { error: expectedInboxId },
);
export type InboxIdRequest = z.infer<typeof InboxIdRequestSchema>;
