// Unauthenticated, unlimited endpoints: liveness with each dependency's check, readiness (the
// checks, and not draining) and the API description.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorBody } from '../errors.js';
import type { DrainState } from '../health/drain-state.js';
import type { HealthChecks, HealthReport } from '../health/checks.js';
import { buildOpenApiDocument } from '../openapi.js';

export interface HealthRouteOptions {
  version: string;
  checks: HealthChecks;
  drain: DrainState;
}

export function healthRoutes({ version, checks, drain }: HealthRouteOptions) {
  return async (app: FastifyInstance): Promise<void> => {
    const document = buildOpenApiDocument(version);
    const open = { config: { rateLimit: false } };
    app.get('/healthz', open, async (_request, reply) => {
      const report = await checks.run();
      if (report.status === 'ok') return { status: 'ok' as const, checks: report.checks };
      return failing(reply, 'DEPENDENCY_FAILING', `failing: ${report.failed.join(', ')}`, report);
    });
    app.get('/readyz', open, async (_request, reply) => {
      const report = await checks.run();
      const draining = drain.draining;
      if (report.status === 'ok' && !draining) {
        return { status: 'ready' as const, draining: false as const, checks: report.checks };
      }
      const why = [...(draining ? ['draining'] : []), ...report.failed.map((n) => `${n} failing`)];
      return failing(reply, 'NOT_READY', why.join(', '), report, { draining });
    });
    app.get('/openapi.json', open, async () => document);
  };
}

/** The one error shape, with the report beside it so a person sees which check failed. */
function failing(
  reply: FastifyReply,
  code: 'DEPENDENCY_FAILING' | 'NOT_READY',
  message: string,
  report: HealthReport,
  extra: Record<string, unknown> = {},
) {
  return reply.code(503).send({
    ...errorBody(code, message),
    status: code === 'NOT_READY' ? 'not-ready' : 'failing',
    ...extra,
    checks: report.checks,
    failed: report.failed,
  });
}
