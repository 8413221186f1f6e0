// The asset proxy as an HTTP route for the phone: GET /mirror/asset?url=<absolute URL>, mounted on
// the embedded server that serves the phone page (the phone reaches it through adb reverse, or on
// the LAN). The session's token travels as a cookie, set when the phone's browser opens its session
// page with the session's secret, so the page's own asset URLs stay as they are and carry nothing.
import type { FastifyInstance } from 'fastify';
import { ASSET_ROUTE } from '../../mirror/replayer/asset-rewrite.js';
import { BrowserError, BrowserErrorCode } from './browser-error.js';
import type { AssetProxy } from './asset-proxy.js';

/** The phone page's route (server/relay/phone-page-routes.ts): `/s/<pageId>?k=<secret>`. */
export const SESSION_PAGE_ROUTE = '/s/:pageId';
/** As long as a session lives at most (the server's default); a dead session's token is refused. */
const COOKIE_MAX_AGE_S = 12 * 60 * 60;

const STATUS: Partial<Record<BrowserErrorCode, number>> = {
  ASSET_TOKEN_INVALID: 403,
  ASSET_NOT_SEEN: 403,
  ASSET_TYPE_REFUSED: 415,
  ASSET_TOO_LARGE: 413,
  ASSET_FETCH_FAILED: 502,
};

/** Whatever the origin sent, it is inert here: no script, no plugin, no sniffing into HTML. */
const ASSET_HEADERS = {
  'content-security-policy': "sandbox; default-src 'none'",
  'x-content-type-options': 'nosniff',
  'cross-origin-resource-policy': 'same-origin',
} as const;

export function registerAssetRoute(app: FastifyInstance, proxy: AssetProxy): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.routeOptions.url !== SESSION_PAGE_ROUTE || reply.statusCode !== 200) return payload;
    const pageId = (request.params as { pageId?: unknown } | undefined)?.pageId;
    const secret = (request.query as { k?: unknown } | undefined)?.k;
    if (typeof pageId !== 'string' || typeof secret !== 'string') return payload;
    const cookie = proxy.sessionCookie(pageId, secret);
    if (cookie) {
      reply.header(
        'set-cookie',
        `${cookie.name}=${cookie.value}; Path=${ASSET_ROUTE}; Max-Age=${COOKIE_MAX_AGE_S}; HttpOnly; SameSite=Strict`,
      );
    }
    return payload;
  });

  app.get(ASSET_ROUTE, { logLevel: 'warn' }, async (request, reply) => {
    const url = (request.query as { url?: unknown } | undefined)?.url;
    reply.headers(ASSET_HEADERS);
    try {
      if (typeof url !== 'string') {
        throw new BrowserError(BrowserErrorCode.AssetNotSeen, 'expected ?url=<absolute URL>');
      }
      const asset = await proxy.fetch(url, request.headers.cookie);
      return reply
        .code(asset.status)
        .header('content-type', asset.contentType)
        .header('cache-control', 'private, max-age=300')
        .send(asset.body);
    } catch (error) {
      if (!(error instanceof BrowserError)) throw error;
      return reply
        .code(STATUS[error.code] ?? 400)
        .header('cache-control', 'no-store')
        .send({ error: { code: error.code, message: error.message } });
    }
  });
}
