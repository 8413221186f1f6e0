// The session page URL: `<server>/s/<pageId>?k=<secret>#<seal key>` (rule a) or
// `<server>/s/<pageId>?t=<role token>#<seal key>` (rule b). The fragment never reaches the server.
import * as z from 'zod/mini';
import { RelayError, RelayErrorCode } from './relay-errors.js';

const base64url = (min: number, max: number) =>
  z.string().check(z.minLength(min), z.maxLength(max), z.regex(/^[A-Za-z0-9_-]+$/));

/** 128 random bits or more, base64url. */
export const PageIdSchema = base64url(16, 64);
/** At least 128 random bits, base64url (22 chars = 132 bits). */
export const SecretSchema = base64url(22, 128);
/** An HMAC-SHA256 role token, base64url (43 chars). */
export const RoleTokenSchema = base64url(43, 43);
/** A raw 256-bit AES-GCM key, base64url (43 chars). */
export const SealKeySchema = base64url(43, 43);

export interface SessionUrlParts {
  /** The server's origin plus any base path, without a trailing slash. */
  server: string;
  pageId: string;
  secret?: string | undefined;
  token?: string | undefined;
  /** Absent when end-to-end encryption is off. */
  sealKey?: string | undefined;
}

export function buildSessionUrl(parts: SessionUrlParts): string {
  const base = parts.server.replace(/\/+$/, '');
  const query = parts.secret !== undefined ? `k=${parts.secret}` : `t=${parts.token ?? ''}`;
  const fragment = parts.sealKey !== undefined ? `#${parts.sealKey}` : '';
  return `${base}/s/${parts.pageId}?${query}${fragment}`;
}

export function parseSessionUrl(text: string): SessionUrlParts {
  const invalid = (why: string) =>
    new RelayError(RelayErrorCode.SessionUrlInvalid, `not a session URL: ${why}`);
  if (!URL.canParse(text)) throw invalid('cannot be parsed');
  const url = new URL(text);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('not http(s)');
  const match = /^(.*)\/s\/([^/]+)$/.exec(url.pathname);
  if (!match) throw invalid('the path is not /s/<pageId>');
  const pageId = PageIdSchema.safeParse(match[2]);
  if (!pageId.success) throw invalid('malformed page id');
  const secret = url.searchParams.get('k') ?? undefined;
  const token = url.searchParams.get('t') ?? undefined;
  if ((secret === undefined) === (token === undefined))
    throw invalid('needs exactly one of k or t');
  if (secret !== undefined && !SecretSchema.safeParse(secret).success) throw invalid('bad secret');
  if (token !== undefined && !RoleTokenSchema.safeParse(token).success) throw invalid('bad token');
  const fragment = url.hash.replace(/^#/, '');
  if (fragment !== '' && !SealKeySchema.safeParse(fragment).success) throw invalid('bad key');
  return {
    server: `${url.origin}${match[1] ?? ''}`,
    pageId: pageId.data,
    secret,
    token,
    sealKey: fragment === '' ? undefined : fragment,
  };
}

export interface UpgradeParams {
  pageId: string;
  role: 'pc' | 'phone';
  secret?: string | undefined;
  token?: string | undefined;
  /** Resume inside the grace window: the welcome's resumeToken and the last seq received. */
  resumeToken?: string | undefined;
  lastSeq?: number | undefined;
}

/** The ws:// or wss:// URL a terminal opens; `server` is the SessionUrlParts.server. */
export function buildUpgradeUrl(server: string, version: number, params: UpgradeParams): string {
  const url = new URL(`${server.replace(/\/+$/, '')}/v1/relay`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('v', String(version));
  url.searchParams.set('page', params.pageId);
  url.searchParams.set('role', params.role);
  if (params.secret !== undefined) url.searchParams.set('k', params.secret);
  if (params.token !== undefined) url.searchParams.set('t', params.token);
  if (params.resumeToken !== undefined) {
    url.searchParams.set('resume', params.resumeToken);
    url.searchParams.set('last', String(params.lastSeq ?? 0));
  }
  return url.toString();
}
