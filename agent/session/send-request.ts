// What "send to phone" can be asked (the control API body, the CLI flags, the UI buttons), checked
// once here so the sender only sees well-formed requests.
import { MAX_TEXT_CHARS } from '../../protocol/relay-messages.js';
import { ControlError } from '../control/control-error.js';
import { checkBody } from '../control/check-body.js';
import { isHttpUrl, SendRequestSchema, type SendRequest } from '../../protocol/control-requests.js';

// The request and result shapes are the control API's contract (protocol/control-api.ts).
export type { SendKind, SendRequest } from '../../protocol/control-requests.js';
export type { SendResult, SentTo } from '../../protocol/control-responses.js';
export { isHttpUrl };

/** Checks a `POST /api/send` body; anything off is CONTROL_BAD_REQUEST naming the field. */
export function parseSendRequest(body: unknown): SendRequest {
  const request = checkBody(SendRequestSchema, body);
  if (request.kind === 'text') checkTextLength(request.text);
  return request;
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
