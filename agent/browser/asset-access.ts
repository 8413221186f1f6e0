// Who may use the asset proxy, and for which URLs. Each phone session has its own token, an HMAC of
// its page id under a key that never leaves this process, handed to the phone's browser as a cookie
// when it opens its session page with the session's secret; each session remembers only the asset
// URLs recorded while it is open. The tabs' favicons are allowed too (often not in the stream).
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** One cookie per session page, so two sessions in one phone browser do not overwrite each other. */
export const ASSET_COOKIE_PREFIX = 'tandem-asset-';

export interface AssetSessionKeys {
  pageId: string;
  secret: string;
}

/** One session's view of the proxy. */
export interface AssetScope {
  readonly secretHash: Buffer;
  /** Insertion order is age: the oldest are forgotten first. */
  readonly seen: Set<string>;
}

export class AssetAccess {
  private readonly key = randomBytes(32);
  private readonly scopes = new Map<string, AssetScope>();
  private readonly pageOf = new Map<string, string>();
  private favicons: () => Iterable<string> = () => [];

  constructor(private readonly maxUrls: number) {}

  /** A session starts for `owner` (a phone's serial, `link:<id>`): it replaces the owner's last. */
  open(owner: string, session: AssetSessionKeys): void {
    this.close(owner);
    this.pageOf.set(owner, session.pageId);
    this.scopes.set(session.pageId, { secretHash: sha256(session.secret), seen: new Set() });
  }

  close(owner: string): void {
    const pageId = this.pageOf.get(owner);
    if (pageId === undefined) return;
    this.pageOf.delete(owner);
    this.scopes.delete(pageId);
  }

  /** The current tabs' favicon URLs, asked for at each request. */
  allowFavicons(source: () => Iterable<string>): void {
    this.favicons = source;
  }

  /** Asset URLs the PC session recorded: every open session may fetch them from now on. */
  remember(urls: Iterable<string>): void {
    for (const url of urls) {
      for (const { seen } of this.scopes.values()) {
        seen.delete(url);
        seen.add(url);
        if (seen.size > this.maxUrls) {
          const oldest = seen.values().next().value;
          if (oldest !== undefined) seen.delete(oldest);
        }
      }
    }
  }

  /** The cookie for the phone opening `/s/<pageId>?k=<secret>`: only with that session's secret. */
  cookieFor(
    pageId: string,
    secret: string | undefined,
  ): { name: string; value: string } | undefined {
    const scope = this.scopes.get(pageId);
    if (!scope || secret === undefined) return undefined;
    if (!timingSafeEqual(scope.secretHash, sha256(secret))) return undefined;
    return { name: `${ASSET_COOKIE_PREFIX}${pageId}`, value: this.tokenOf(pageId) };
  }

  /** Whether a request with this Cookie header carries a live session's token at all. */
  sessionsIn(cookieHeader: string | undefined): AssetScope[] {
    const found: AssetScope[] = [];
    for (const [name, value] of parseCookies(cookieHeader)) {
      if (!name.startsWith(ASSET_COOKIE_PREFIX)) continue;
      const pageId = name.slice(ASSET_COOKIE_PREFIX.length);
      const scope = this.scopes.get(pageId);
      if (scope && sameText(value, this.tokenOf(pageId))) found.push(scope);
    }
    return found;
  }

  /** `url` (normalised) was seen by one of these sessions, or is a shown tab's favicon. */
  allows(scopes: readonly AssetScope[], url: string): boolean {
    if (scopes.some((scope) => scope.seen.has(url))) return true;
    for (const favicon of this.favicons()) if (favicon && stripHash(favicon) === url) return true;
    return false;
  }

  private tokenOf(pageId: string): string {
    return createHmac('sha256', this.key).update(`tandem-asset/1|${pageId}`).digest('base64url');
  }
}

function* parseCookies(header: string | undefined): Generator<[string, string]> {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) yield [part.slice(0, at).trim(), part.slice(at + 1).trim()];
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function sameText(a: string, b: string): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

function stripHash(raw: string): string {
  try {
    const url = new URL(raw);
    url.hash = '';
    return url.href;
  } catch {
    return '';
  }
}
