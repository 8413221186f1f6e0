// A browser script as the phone fetches it: gzip-compressed once when the browser accepts it (the
// page script and the replayer shrink about three times), with an ETag of its content, so a
// replug revalidates with 304 Not Modified instead of loading the script again.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export interface ScriptResponse {
  etag: string;
  plain: Buffer;
  gzip: Buffer;
}

export function scriptResponse(text: string): ScriptResponse {
  const plain = Buffer.from(text, 'utf8');
  const etag = `"${createHash('sha256').update(plain).digest('base64url').slice(0, 22)}"`;
  return { etag, plain, gzip: gzipSync(plain, { level: 9 }) };
}

/** Whether `If-None-Match` names this version (a list, or `*`). */
export function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/** Whether `Accept-Encoding` allows gzip (and does not refuse it with q=0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  return (acceptEncoding ?? '').split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    if (name?.trim().toLowerCase() !== 'gzip') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
