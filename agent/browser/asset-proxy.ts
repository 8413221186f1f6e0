// Images, stylesheets and fonts for a phone without its own network (USB only, adb reverse): the
// phone fetches them through the agent, which serves a session only the URLs recorded while it was
// open (and the tabs' favicons), only as image, CSS or font, within a size limit and a timeout.
// Anything else is refused with a code.
import type { eventWithTime } from '@rrweb/types';
import { AssetAccess, type AssetSessionKeys } from './asset-access.js';
import { BrowserError, BrowserErrorCode } from './browser-error.js';
import { collectAssetUrls } from './asset-urls.js';

export interface AssetProxyOptions {
  /** The largest asset served (default 8 MiB). */
  maxBytes?: number;
  /** The whole fetch, headers and body (default 10 s). */
  timeoutMs?: number;
  /** How many distinct URLs each session remembers; the oldest are forgotten first (default 20,000). */
  maxUrls?: number;
}

export interface Asset {
  status: number;
  /** Always an image, CSS or font type (see `servableType`). */
  contentType: string;
  body: Buffer;
}

export class AssetProxy {
  private readonly access: AssetAccess;
  private readonly maxBytes: number;
  private readonly timeoutMs: number;

  constructor(options: AssetProxyOptions = {}) {
    this.maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.access = new AssetAccess(options.maxUrls ?? 20_000);
  }

  /** A phone session starts (pairing made one, or a link session): it gets its own token. */
  openSession(owner: string, session: AssetSessionKeys): void {
    this.access.open(owner, session);
  }

  /** The owner's session ended: its token and URLs are forgotten. */
  closeSession(owner: string): void {
    this.access.close(owner);
  }

  /** The shown tabs' favicons (the phone's tab list) are fetchable too. */
  allowFavicons(source: () => Iterable<string>): void {
    this.access.allowFavicons(source);
  }

  /** Remembers the asset URLs of a batch of recorded events for every open session. */
  observe(events: readonly eventWithTime[], pageUrl: string): void {
    this.access.remember(collectAssetUrls(events, pageUrl));
  }

  /** The cookie that carries a session's token, for the phone that proved it holds the secret. */
  sessionCookie(
    pageId: string,
    secret: string | undefined,
  ): { name: string; value: string } | undefined {
    return this.access.cookieFor(pageId, secret);
  }

  /** Fetches `url` for a request that sent `cookieHeader`. */
  async fetch(url: string, cookieHeader: string | undefined): Promise<Asset> {
    const scopes = this.access.sessionsIn(cookieHeader);
    if (scopes.length === 0) {
      throw new BrowserError(
        BrowserErrorCode.AssetTokenInvalid,
        'no live Tandem session token came with the request',
      );
    }
    const key = normalise(url);
    if (!key || !this.access.allows(scopes, key)) {
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
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new BrowserError(
        BrowserErrorCode.AssetFetchFailed,
        `${new URL(key).host} answered ${response.status}`,
      );
    }
    const contentType = servableType(response.headers.get('content-type'));
    if (!contentType) {
      await response.body?.cancel().catch(() => undefined);
      throw new BrowserError(
        BrowserErrorCode.AssetTypeRefused,
        'the proxy relays images, stylesheets and fonts only',
      );
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > this.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(this.maxBytes);
    }
    const body = await this.readCapped(response, key);
    return { status: response.status, contentType, body };
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

const FONT_TYPES = new Set([
  'application/font-woff',
  'application/font-woff2',
  'application/x-font-woff',
  'application/x-font-ttf',
  'application/x-font-otf',
  'application/x-font-opentype',
  'application/font-sfnt',
  'application/vnd.ms-fontobject',
]);

/**
 * The type the proxy answers with: an image, CSS or font type as the origin declared it (with its
 * charset), else undefined. HTML, scripts, JSON and untyped bodies never come from the phone
 * page's origin.
 */
export function servableType(header: string | null): string | undefined {
  if (!header || header.includes(',')) return undefined;
  const [essence = '', ...params] = header.split(';');
  const type = essence.trim().toLowerCase();
  if (!/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/.test(type)) return undefined;
  const servable =
    type.startsWith('image/') ||
    type.startsWith('font/') ||
    type === 'text/css' ||
    FONT_TYPES.has(type);
  if (!servable) return undefined;
  const charset = params
    .map((param) => /^\s*charset=["']?([\w.:-]+)["']?\s*$/i.exec(param)?.[1])
    .find(Boolean);
  return charset ? `${type}; charset=${charset}` : type;
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
