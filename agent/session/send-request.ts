// What "send to phone" can be asked (the control API body, the CLI flags, the UI buttons), checked
// once here so the sender only sees well-formed requests.
import { MAX_TEXT_CHARS } from '../../protocol/relay-messages.js';
import { ControlError } from '../control/control-error.js';

export type SendRequest =
  | { kind: 'selection'; to?: string }
  | { kind: 'link'; url?: string; to?: string }
  | { kind: 'image'; url: string; to?: string }
  | { kind: 'text'; text: string; to?: string };

export type SendKind = SendRequest['kind'];

/** One phone something was sent to: never the raw identity. */
export interface SentTo {
  serial: string;
  masked: string | null;
}

export interface SendResult {
  kind: SendKind;
  phones: SentTo[];
  /** Characters of text, or bytes of an image. */
  size: number;
  /** The link sent, or the image's URL. */
  url?: string;
}

const MAX_URL_CHARS = 8192;

export function isHttpUrl(text: string): boolean {
  return text.length <= MAX_URL_CHARS && /^https?:\/\//i.test(text) && URL.canParse(text);
}

/** Checks a `POST /api/send` body; anything off is CONTROL_BAD_REQUEST naming the field. */
export function parseSendRequest(body: unknown): SendRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw bad('expected a JSON object { "kind": "selection" | "link" | "image" | "text", … }');
  }
  const fields = body as Record<string, unknown>;
  const to = optionalTarget(fields.to);
  const target = to === undefined ? {} : { to };
  switch (fields.kind) {
    case 'selection':
      return { kind: 'selection', ...target };
    case 'link': {
      if (fields.url === undefined) return { kind: 'link', ...target };
      return { kind: 'link', url: httpUrl(fields.url, 'url'), ...target };
    }
    case 'image':
      return { kind: 'image', url: httpUrl(fields.url, 'url'), ...target };
    case 'text': {
      const text = fields.text;
      if (typeof text !== 'string' || text.length === 0) {
        throw bad('"text" must be a non-empty string');
      }
      checkTextLength(text);
      return { kind: 'text', text, ...target };
    }
    default:
      throw bad('"kind" must be one of selection, link, image, text');
  }
}

/** Text the phone's inbox accepts in one `data.text` message. */
export function checkTextLength(text: string): void {
  if (text.length > MAX_TEXT_CHARS) {
    throw new ControlError(
      'TEXT_TOO_LONG',
      `the text has ${text.length} characters; at most ${MAX_TEXT_CHARS} go in one message`,
      413,
    );
  }
}

function optionalTarget(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string' || value.length > 128) {
    throw bad('"to" must be an adb serial or a masked identity');
  }
  return value;
}

function httpUrl(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isHttpUrl(value)) {
    throw bad(`"${field}" must be an http(s) URL`);
  }
  return new URL(value).href;
}

function bad(message: string): ControlError {
  return new ControlError('CONTROL_BAD_REQUEST', message);
}

/** A file name for an image: the URL's last path segment, else `image` with the type's extension. */
export function imageNameFor(url: string, mime: string): string {
  const last = decodeSafely(new URL(url).pathname.split('/').at(-1) ?? '');
  const cleaned = last.replace(/[^\w.\- ]+/g, '_').slice(-120);
  if (/\.[a-z0-9]{2,5}$/i.test(cleaned)) return cleaned;
  const subtype = /^image\/([a-z0-9.+-]+)/i.exec(mime)?.[1]?.toLowerCase() ?? '';
  const extension = { jpeg: 'jpg', 'svg+xml': 'svg', 'x-icon': 'ico' }[subtype] ?? subtype;
  const stem = cleaned.replace(/^[._ -]+/, '') || 'image';
  return extension && /^[a-z0-9]{1,5}$/.test(extension) ? `${stem}.${extension}` : stem;
}

function decodeSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
