// Expired bindings are already treated as free on every lookup and bind; this periodic sweep only
// deletes their rows (and expired sessions) so the tables do not grow forever.
import type { FastifyBaseLogger } from 'fastify';
import type { PairingRules } from './pairing-rules.js';

/** Starts the timer (unref'd: it never keeps the process alive); returns its stop function. */
export function startSweeper(
  rules: PairingRules,
  intervalMs: number,
  log: FastifyBaseLogger,
): () => void {
  if (intervalMs <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    rules
      .sweepExpired()
      .then((removed) => {
        if (removed.bindings + removed.sessions > 0) log.info({ removed }, 'swept expired rows');
      })
      .catch((error: unknown) => log.error({ err: error }, 'sweep failed'))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
