// Phone bindings: which client a phone is bound to, one at a time. Every route takes the identity in the body, hashes it with the
// server key at once and works with the hash only.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  IdentityRequestSchema,
  type BindResponse,
  type LookupResponse,
  type ReleaseResponse,
  type TouchResponse,
} from '../../protocol/pairing.js';
import type { ServerContext } from '../context.js';
import { ServerError } from '../errors.js';
import { parseBody } from '../validate.js';

export function bindingRoutes(context: ServerContext) {
  const { rules, auth } = context;

  const caller = async (request: FastifyRequest) => {
    const clientId = await auth.require(request);
    const { identity } = parseBody(IdentityRequestSchema, request.body);
    return { clientId, kind: identity.kind, hash: context.hashIdentity(identity) };
  };

  return async (app: FastifyInstance): Promise<void> => {
    app.post('/v1/bindings/lookup', async (request): Promise<LookupResponse> => {
      const { clientId, hash } = await caller(request);
      const status = await rules.lookup(hash, clientId);
      if (status === 'moved-away') throw movedAway();
      return { status };
    });

    app.post('/v1/bindings', async (request): Promise<BindResponse> => {
      const { clientId, kind, hash } = await caller(request);
      const result = await rules.bind(hash, kind, clientId);
      if (result === 'conflict') {
        throw new ServerError('BINDING_CONFLICT', 'this phone is bound to another client');
      }
      if (result === 'created') request.log.info({ kind }, 'phone bound');
      return { status: 'bound-to-you', created: result === 'created' };
    });

    app.post('/v1/bindings/release', async (request): Promise<ReleaseResponse> => {
      const { clientId, hash } = await caller(request);
      const result = await rules.release(hash, clientId);
      if (result === 'not-owner') {
        throw new ServerError('NOT_BINDING_OWNER', 'this client does not hold that binding');
      }
      return { released: result === 'released' };
    });

    app.post('/v1/bindings/touch', async (request): Promise<TouchResponse> => {
      const { clientId, hash } = await caller(request);
      if (!(await rules.touch(hash, clientId))) {
        if (await rules.wasMovedFrom(hash, clientId)) throw movedAway();
        throw new ServerError('NOT_BINDING_OWNER', 'this client does not hold that binding');
      }
      return { status: 'bound-to-you' };
    });
  };
}

/** The old owner's answer after a takeover confirmed on the phone: the new owner is never named. */
function movedAway(): ServerError {
  return new ServerError(
    'BINDING_MOVED',
    'this phone was moved to another client on the phone itself',
  );
}
