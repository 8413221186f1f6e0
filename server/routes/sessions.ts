// POST /v1/sessions: a page id and a secret for the phone page (patent A). Minimal until the relay
// arrives; the server stores only the secret's hash.
import type { FastifyInstance } from 'fastify';
import { EmptyRequestSchema, type SessionResponse } from '../../protocol/pairing.js';
import type { ServerContext } from '../context.js';
import { hashSecret, randomId, randomSecret } from '../tokens.js';
import { parseBody } from '../validate.js';

export function sessionRoutes(context: ServerContext) {
  const { store, auth, config } = context;
  return async (app: FastifyInstance): Promise<void> => {
    app.post('/v1/sessions', async (request, reply): Promise<SessionResponse> => {
      const clientId = auth.require(request);
      parseBody(EmptyRequestSchema, request.body);
      const secret = randomSecret();
      const session = store.sessions.createSession({
        id: randomId(),
        pageId: randomId(),
        clientId,
        secretHash: hashSecret(secret),
        ttlMs: config.sessionTtlMs,
      });
      reply.code(201);
      return {
        sessionId: session.id,
        pageId: session.pageId,
        secret,
        expiresAt: new Date(session.expiresAt).toISOString(),
      };
    });
  };
}
