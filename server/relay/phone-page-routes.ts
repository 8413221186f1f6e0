// Serves the phone page at the session URL (`/s/:pageId`) and its scripts (bundles/browser-bundle.ts:
// read from dist/ in the build, bundled from the sources on first request otherwise, kept in memory): the page (phone-page/) and the mirror's replayer, which the page
// loads only once the PC streams. The page URL carries the secret, so these routes log only
// warnings, and the page sends no Referer.
import type { FastifyInstance } from 'fastify';
import { phonePageHtml } from '../../bundles/app-assets.js';
import { browserBundle } from '../../bundles/browser-bundle.js';
import {
  acceptsGzip,
  notModified,
  scriptResponse,
  type ScriptResponse,
} from './script-response.js';

export const PHONE_SCRIPT_PATH = '/m/phone.js';
export const MIRROR_SCRIPT_PATH = '/m/mirror.js';
export const SEALING_SCRIPT_PATH = '/m/sealing.js';

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' blob: data:; " +
    // The replayed page (an about:blank frame, under this policy) loads its stylesheets and fonts
    // through the agent's asset route on this origin.
    "style-src 'self' 'unsafe-inline'; font-src 'self' data:; " +
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
} as const;

/** The page script, minified: prebuilt in dist/, or bundled from the sources at first use. */
export function phoneBundle(): Promise<string> {
  return browserBundle('phone-page');
}

/** The mirror's replayer, got by its bundle name: the server does not import mirror/. */
function replayerBundle(): Promise<string> {
  return browserBundle('replayer');
}

export async function phonePageRoutes(app: FastifyInstance): Promise<void> {
  const html = phonePageHtml();
  app.get('/s/:pageId', { logLevel: 'warn' }, async (_request, reply) => {
    return reply.headers(SECURITY_HEADERS).type('text/html; charset=utf-8').send(html);
  });
  for (const [path, script] of [
    [PHONE_SCRIPT_PATH, phoneBundle],
    [MIRROR_SCRIPT_PATH, replayerBundle],
    // Pure-JS AES-GCM for a page without crypto.subtle (not a secure context): only it loads this.
    [SEALING_SCRIPT_PATH, () => browserBundle('sealing')],
  ] as const) {
    let prepared: Promise<ScriptResponse> | undefined;
    app.get(path, { logLevel: 'warn' }, async (request, reply) => {
      if (!prepared) {
        const making = script().then(scriptResponse);
        prepared = making;
        // A bundle that failed is tried again on the next request.
        making.catch(() => (prepared = prepared === making ? undefined : prepared));
      }
      const { etag, plain, gzip } = await prepared;
      // Revalidated each time (no-cache), so a new build is picked up; unchanged, it is a 304.
      reply.headers({
        ...SECURITY_HEADERS,
        'cache-control': 'no-cache',
        etag,
        vary: 'accept-encoding',
      });
      if (notModified(request.headers['if-none-match'], etag)) return reply.code(304).send();
      reply.type('text/javascript; charset=utf-8');
      if (!acceptsGzip(request.headers['accept-encoding'])) return reply.send(plain);
      return reply.header('content-encoding', 'gzip').send(gzip);
    });
  }
}
