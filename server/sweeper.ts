// Expired bindings are already treated as free on every lookup and bind; this periodic sweep only
// deletes their rows (and expired sessions) so the tables do not grow forever.
import type { FastifyBaseLogger } from 'fastify';
import type { ServerStore } from '../db/server/server-store.js';

export function sweepExpired(store: ServerStore): { bindings: number; sessions: number } {
  return { bindings: store.bindings.sweepExpired(), sessions: store.sessions.sweepExpired() };
}

/** Starts the timer (unref'd: it never keeps the process alive); returns its stop function. */
export function startSweeper(
  store: ServerStore,
  intervalMs: number,
  log: FastifyBaseLogger,
): () => void {
  if (intervalMs <= 0) return () => {};
  const timer = setInterval(() => {
    try {
      const removed = sweepExpired(store);
      if (removed.bindings + removed.sessions > 0) log.info({ removed }, 'swept expired rows');
    } catch (error) {
      log.error({ err: error }, 'sweep failed');
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
