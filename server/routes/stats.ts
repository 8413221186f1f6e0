// GET /v1/stats: request counts per route, for tests and operators. Off unless exposeStats is set.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context.js';

export function statsRoutes(context: ServerContext) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get('/v1/stats', async (request) => {
      await context.auth.require(request);
      return context.stats.snapshot();
    });
  };
}
