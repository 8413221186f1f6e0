// The graceful drain of SIGTERM: /readyz turns 503 at once, the relay refuses new upgrades and tells
// every terminal to reconnect (close 4503, which clients retry), the HTTP server stops accepting and
// waits for the requests in flight, then the store closes. All of it within `timeoutMs`: what is
// still open then is cut.
import type { FastifyInstance } from 'fastify';

/** Default bound on a drain (`tandem server --drain-timeout`). */
export const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;

export async function drainServer(app: FastifyInstance, timeoutMs: number): Promise<void> {
  if (!app.drainState.start()) return;
  const deadline = performance.now() + timeoutMs;
  app.log.info({ timeoutMs }, 'draining');
  await app.relay.drain(timeoutMs);
  const left = Math.max(0, deadline - performance.now());
  const cut = setTimeout(() => {
    app.log.warn('drain timed out: closing the connections still open');
    app.server.closeAllConnections();
  }, left);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
  app.log.info('drained');
}
