// Fetches an image the person wants on the phone: http(s) only, image/* only, bounded in size and
// time (the whole transfer, not just the headers), so a slow or huge URL cannot hold the agent.
import { ControlError } from '../control/control-error.js';
import { imageNameFor, isHttpUrl } from './send-request.js';

export const IMAGE_MAX_BYTES = 16 * 1024 * 1024;
export const IMAGE_TIMEOUT_MS = 15_000;

export interface FetchedImage {
  name: string;
  mime: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export async function fetchImage(
  url: string,
  options: { maxBytes?: number; timeoutMs?: number } = {},
): Promise<FetchedImage> {
  const maxBytes = options.maxBytes ?? IMAGE_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? IMAGE_TIMEOUT_MS;
  if (!isHttpUrl(url)) {
    throw new ControlError('CONTROL_BAD_REQUEST', 'the image URL must be http(s)');
  }
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal, headers: { accept: 'image/*' } });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new ControlError(
        'IMAGE_FETCH_FAILED',
        `the image URL answered HTTP ${response.status}`,
        502,
      );
    }
    const mime = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!mime.startsWith('image/')) {
      await response.body?.cancel().catch(() => undefined);
      throw new ControlError(
        'IMAGE_NOT_AN_IMAGE',
        `the URL is not an image (content-type ${JSON.stringify(mime.slice(0, 100) || 'none')})`,
        415,
      );
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    const bytes = await readAtMost(response, maxBytes);
    return { name: imageNameFor(response.url || url, mime), mime, bytes };
  } catch (error) {
    if (error instanceof ControlError) throw error;
    if (signal.aborted) {
      throw new ControlError('IMAGE_TIMEOUT', `the image took longer than ${timeoutMs} ms`, 504);
    }
    throw new ControlError(
      'IMAGE_FETCH_FAILED',
      `the image could not be fetched (${(error as Error).message})`,
      502,
    );
  }
}

/** Reads the body, stopping as soon as it passes the limit (a missing or false length included). */
async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

function tooLarge(maxBytes: number): ControlError {
  return new ControlError('IMAGE_TOO_LARGE', `the image is larger than ${maxBytes} bytes`, 413);
}
