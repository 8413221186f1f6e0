// POST /v1/sessions: a page id, a secret and role tokens for the phone page. The relay
// keeps the live session in memory; the store records it (secret hash only) for its owner.
import type { FastifyInstance } from 'fastify';
import { EmptyRequestSchema, type SessionResponse } from '../../protocol/pairing.js';
import type { ServerContext } from '../context.js';
import { spendAddressBudget } from '../address-guard.js';
import { hashSecret } from '../tokens.js';
import { parseBody } from '../validate.js';

export function sessionRoutes(context: ServerContext) {
  const { rules, auth, config, relay } = context;
  return async (app: FastifyInstance): Promise<void> => {
    app.post('/v1/sessions', async (request, reply): Promise<SessionResponse> => {
      const clientId = await auth.require(request);
      parseBody(EmptyRequestSchema, request.body);
      spendAddressBudget(context.addressLimits, 'sessions', request, reply);
      const created = relay.createSession({ ownerId: clientId, ttlMs: config.sessionTtlMs });
      await rules.createSession({
        id: created.sessionId,
        pageId: created.pageId,
        clientId,
        secretHash: hashSecret(created.secret),
        ttlMs: config.sessionTtlMs,
      });
      reply.code(201);
      return {
        sessionId: created.sessionId,
        pageId: created.pageId,
        secret: created.secret,
        tokens: created.tokens,
        expiresAt: created.expiresAt.toISOString(),
      };
    });
  };
}
