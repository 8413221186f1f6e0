// POST /v1/clients registers a shadow account; GET /v1/clients/me tells an agent whether the server
// still knows its stored credentials.
import type { FastifyInstance } from 'fastify';
import {
  EmptyRequestSchema,
  type RegisterResponse,
  type WhoAmIResponse,
} from '../../protocol/pairing.js';
import type { ServerContext } from '../context.js';
import { spendAddressBudget } from '../address-guard.js';
import { registerShadowAccount } from '../shadow-accounts.js';
import { parseBody } from '../validate.js';

export function clientRoutes(context: ServerContext) {
  const { store, config, auth } = context;
  return async (app: FastifyInstance): Promise<void> => {
    app.post('/v1/clients', async (request, reply): Promise<RegisterResponse> => {
      parseBody(EmptyRequestSchema, request.body);
      spendAddressBudget(context.addressLimits, 'accounts', request, reply);
      const account = await registerShadowAccount(
        store.clients,
        config.generateClientId,
        config.now,
      );
      request.log.info('shadow account registered');
      reply.code(201);
      return account;
    });

    app.get('/v1/clients/me', async (request): Promise<WhoAmIResponse> => {
      return { clientId: await auth.require(request) };
    });
  };
}
