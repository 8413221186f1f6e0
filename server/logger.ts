// pino options for the server: requests are logged by route pattern (never the raw URL, which could
// carry anything), headers and bodies never, and the usual secret-bearing keys are redacted.
import type { FastifyError, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { ServerConfig } from './config.js';

const REDACTED_PATHS = [
  'req.headers',
  'req.body',
  'body',
  'identity',
  'credential',
  'secret',
  'authorization',
  '*.identity',
  '*.credential',
  '*.secret',
  '*.authorization',
];

export function loggerOptions(config: ServerConfig): FastifyServerOptions['logger'] {
  if (!config.log) return false;
  return {
    name: 'pairing-server',
    level: config.log.level ?? 'info',
    stream: config.log.stream,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        route: request.routeOptions?.url ?? '(unmatched)',
        remoteAddress: request.ip,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      // Only unexpected (INTERNAL) errors reach the log as errors; refusals are logged by code.
      err: (error: FastifyError) => ({
        type: error.name,
        code: error.code,
        message: error.message,
        stack: error.stack ?? '',
      }),
    },
  };
}
