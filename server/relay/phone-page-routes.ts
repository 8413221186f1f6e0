// Serves the phone page at the session URL (`/s/:pageId`) and its scripts, bundled with esbuild on
// first request and kept in memory: the page (mobile/page) and the mirror's replayer, which the page
// loads only once the PC streams. The page URL carries the secret, so these routes log only
// warnings, and the page sends no Referer.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { replayerBundle } from '../../mirror/replayer/build-replayer.js';

const PAGE_DIR = new URL('../../mobile/page/', import.meta.url);
export const PHONE_SCRIPT_PATH = '/m/phone.js';
export const MIRROR_SCRIPT_PATH = '/m/mirror.js';

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

let bundle: Promise<string> | undefined;

/** The page script, minified; built once per process. */
export function phoneBundle(): Promise<string> {
  bundle ??= (async () => {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [fileURLToPath(new URL('main.ts', PAGE_DIR))],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2020',
      write: false,
      legalComments: 'none',
    });
    return result.outputFiles[0]?.text ?? '';
  })();
  bundle.catch(() => (bundle = undefined));
  return bundle;
}

export async function phonePageRoutes(app: FastifyInstance): Promise<void> {
  const html = readFileSync(new URL('phone-page.html', PAGE_DIR), 'utf8');
  app.get('/s/:pageId', { logLevel: 'warn' }, async (_request, reply) => {
    return reply.headers(SECURITY_HEADERS).type('text/html; charset=utf-8').send(html);
  });
  for (const [path, script] of [
    [PHONE_SCRIPT_PATH, phoneBundle],
    [MIRROR_SCRIPT_PATH, replayerBundle],
  ] as const) {
    app.get(path, { logLevel: 'warn' }, async (_request, reply) => {
      return reply
        .headers({ ...SECURITY_HEADERS, 'cache-control': 'no-cache' })
        .type('text/javascript; charset=utf-8')
        .send(await script());
    });
  }
}
