// Images, stylesheets and fonts for a phone without its own network (USB only, adb reverse): the
// phone fetches them through the agent, which serves only URLs this session's recorded stream
// named, within a size limit and a timeout. Anything else is refused with a code.
import type { eventWithTime } from '@rrweb/types';
import { BrowserError, BrowserErrorCode } from './browser-error.js';
import { collectAssetUrls } from './asset-urls.js';

export interface AssetProxyOptions {
  /** The largest asset served (default 8 MiB). */
  maxBytes?: number;
  /** The whole fetch, headers and body (default 10 s). */
  timeoutMs?: number;
  /** How many distinct URLs are remembered; the oldest are forgotten first (default 20,000). */
  maxUrls?: number;
}

export interface Asset {
  status: number;
  contentType: string;
  body: Buffer;
}

export class AssetProxy {
  private readonly seen = new Set<string>();
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly maxUrls: number;

  constructor(options: AssetProxyOptions = {}) {
    this.maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxUrls = options.maxUrls ?? 20_000;
  }

  /** Remembers the asset URLs of a batch of recorded events (the mirror stream's `onAnyBatch`). */
  observe(events: readonly eventWithTime[], pageUrl: string): void {
    for (const url of collectAssetUrls(events, pageUrl)) {
      this.seen.delete(url);
      this.seen.add(url);
      if (this.seen.size > this.maxUrls) {
        const oldest = this.seen.values().next().value;
        if (oldest !== undefined) this.seen.delete(oldest);
      }
    }
  }

  has(url: string): boolean {
    return this.seen.has(normalise(url) ?? '');
  }

  async fetch(url: string): Promise<Asset> {
    const key = normalise(url);
    if (!key || !this.seen.has(key)) {
      throw new BrowserError(
        BrowserErrorCode.AssetNotSeen,
        'that URL did not appear in this session’s mirrored pages',
      );
    }
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    try {
      response = await fetch(key, { signal, redirect: 'follow', credentials: 'omit' });
    } catch (error) {
      throw fetchFailed(key, error);
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > this.maxBytes) {
      await response.body?.cancel();
      throw tooLarge(this.maxBytes);
    }
    const body = await this.readCapped(response, key);
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      body,
    };
  }

  private async readCapped(response: Response, url: string): Promise<Buffer> {
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      const reader = response.body?.getReader();
      for (
        let part = await reader?.read();
        reader && part && !part.done;
        part = await reader.read()
      ) {
        const chunk = part.value;
        total += chunk.byteLength;
        if (total > this.maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw tooLarge(this.maxBytes);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof BrowserError) throw error;
      throw fetchFailed(url, error);
    }
    return Buffer.concat(chunks);
  }
}

function normalise(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

function tooLarge(maxBytes: number): BrowserError {
  return new BrowserError(
    BrowserErrorCode.AssetTooLarge,
    `the asset is larger than ${maxBytes} bytes`,
  );
}

function fetchFailed(url: string, cause: unknown): BrowserError {
  const timedOut = (cause as { name?: string } | null)?.name === 'TimeoutError';
  return new BrowserError(
    BrowserErrorCode.AssetFetchFailed,
    `${new URL(url).host} ${timedOut ? 'did not answer in time' : 'could not be reached'}`,
    { cause },
  );
}
