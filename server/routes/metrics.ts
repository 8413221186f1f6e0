// GET /metrics: the Prometheus text format. Registered only with --metrics (TANDEM_METRICS=1); like
// /healthz it is unauthenticated and not rate limited, so keep it off the public side of a proxy
// (deploy/Caddyfile answers 404 for it).
import type { FastifyInstance } from 'fastify';
import type { ServerMetrics } from '../metrics/server-metrics.js';

export function metricsRoutes(metrics: ServerMetrics) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/metrics', { config: { rateLimit: false }, logLevel: 'warn' }, async (_req, reply) => {
      const text = await metrics.text();
      return reply.type(metrics.contentType).send(text);
    });
  };
}
