// Unauthenticated, unlimited endpoints: liveness and the API description.
import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from '../openapi.js';

export function healthRoutes(version: string) {
  return async (app: FastifyInstance): Promise<void> => {
    const document = buildOpenApiDocument(version);
    app.get('/healthz', { config: { rateLimit: false } }, async () => ({ status: 'ok' as const }));
    app.get('/openapi.json', { config: { rateLimit: false } }, async () => document);
  };
}
