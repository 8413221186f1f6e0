// A request that found the store (PostgreSQL) down is answered 503 STORE_UNAVAILABLE by the error
// handler; this hook adds the Retry-After that tells the caller when to try again.
import type { FastifyInstance } from 'fastify';
import { isStoreUnavailable } from './errors.js';

/** Seconds a client waits before it retries a request refused with STORE_UNAVAILABLE. */
export const STORE_RETRY_AFTER_S = 5;

export function answerStoreUnavailable(app: FastifyInstance): void {
  app.addHook('onError', async (_request, reply, error) => {
    if (isStoreUnavailable(error)) reply.header('retry-after', String(STORE_RETRY_AFTER_S));
  });
}
