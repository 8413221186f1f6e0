// The asset proxy as an HTTP route for the phone: GET <path>?url=<absolute URL>. The lead mounts
// it on the server that serves the phone page (the phone reaches it through adb reverse).
import type { FastifyInstance } from 'fastify';
import { BrowserError, BrowserErrorCode } from './browser-error.js';
import type { AssetProxy } from './asset-proxy.js';

const STATUS: Partial<Record<BrowserErrorCode, number>> = {
  ASSET_NOT_SEEN: 403,
  ASSET_TOO_LARGE: 413,
  ASSET_FETCH_FAILED: 502,
};

export function registerAssetRoute(
  app: FastifyInstance,
  proxy: AssetProxy,
  path = '/mirror/asset',
): void {
  app.get(path, async (request, reply) => {
    const url = (request.query as { url?: unknown } | undefined)?.url;
    try {
      if (typeof url !== 'string') {
        throw new BrowserError(BrowserErrorCode.AssetNotSeen, 'expected ?url=<absolute URL>');
      }
      const asset = await proxy.fetch(url);
      return reply
        .code(asset.status)
        .header('content-type', asset.contentType)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=300')
        .send(asset.body);
    } catch (error) {
      if (!(error instanceof BrowserError)) throw error;
      return reply
        .code(STATUS[error.code] ?? 400)
        .send({ error: { code: error.code, message: error.message } });
    }
  });
}
