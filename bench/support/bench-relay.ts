// Shared by bench/relay's and bench/cluster's server processes: the Tandem relay on Fastify with its
// default limits, quiet, plus the bench-only route that creates many sessions in one call.
import Fastify, { type FastifyInstance } from 'fastify';
import { attachRelay, type AttachRelayOptions } from '../../server/relay/attach-relay.js';

export const quietLog = { debug() {}, info() {}, warn() {}, isLevelEnabled: () => false };

/** Listens on a loopback port; returns the app (to close it) and the port. */
export async function startBenchRelay(
  options: Omit<AttachRelayOptions, 'logger'> = {},
): Promise<{ app: FastifyInstance; port: number }> {
  const app = Fastify({ logger: false });
  const relay = attachRelay(app, { logger: quietLog, ...options });
  // Bench only: many sessions in one call (the real server creates one per authenticated request).
  app.post('/bench/sessions', async (request) => {
    const { n } = request.body as { n: number };
    return Array.from({ length: n }, () => {
      const created = relay.createSession();
      return { pageId: created.pageId, secret: created.secret };
    });
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  return { app, port: typeof address === 'object' && address ? address.port : 0 };
}
