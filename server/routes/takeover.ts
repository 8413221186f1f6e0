// The takeover of a phone bound to another client: the ticket the agent asks for, the confirmation
// page the phone opens (with its own small script) and the confirmation it sends. Possession of the
// unlocked phone is the proof: the agent hands the ticket to the phone over USB only, and nothing
// moves until the page on the phone sends it back.
import type { FastifyInstance } from 'fastify';
import { IdentityRequestSchema } from '../../protocol/pairing.js';
import {
  TAKEOVER_CONFIRM_PATH,
  TAKEOVER_PAGE_PATH,
  TAKEOVER_SCRIPT_PATH,
  TAKEOVER_TICKET_PATH,
  TakeoverConfirmRequestSchema,
  type TakeoverConfirmResponse,
  type TakeoverTicketResponse,
} from '../../protocol/takeover.js';
import { browserBundle } from '../../bundles/browser-bundle.js';
import type { ServerContext } from '../context.js';
import { ServerError } from '../errors.js';
import { ticketSealer } from '../takeover-ticket.js';
import { parseBody } from '../validate.js';
import { TAKEOVER_PAGE_HEADERS, takeoverPageHtml } from './takeover-page-html.js';

export function takeoverRoutes(context: ServerContext, serverKey: Uint8Array) {
  const { rules, auth } = context;
  const sealer = ticketSealer(serverKey);

  return async (app: FastifyInstance): Promise<void> => {
    app.post(TAKEOVER_TICKET_PATH, async (request): Promise<TakeoverTicketResponse> => {
      const clientId = await auth.require(request);
      const { identity } = parseBody(IdentityRequestSchema, request.body);
      const hash = context.hashIdentity(identity);
      const ticket = await rules.takeoverTicket(hash, identity.kind, clientId);
      if (!ticket) {
        throw new ServerError('TAKEOVER_NOT_NEEDED', 'this phone is not bound to another client');
      }
      return { ticket: sealer.seal(ticket), expiresAt: new Date(ticket.expiresAt).toISOString() };
    });

    // The ticket is the only credential: it reached the phone over USB, and it moves once.
    app.post(
      TAKEOVER_CONFIRM_PATH,
      { logLevel: 'warn' },
      async (request): Promise<TakeoverConfirmResponse> => {
        const { ticket: sealed } = parseBody(TakeoverConfirmRequestSchema, request.body);
        const ticket = sealer.open(sealed);
        if (!ticket) throw wrongPhone();
        const result = await rules.moveBinding(ticket);
        if (result === 'expired') {
          throw new ServerError('TAKEOVER_TICKET_EXPIRED', 'the takeover ticket has expired');
        }
        if (result === 'used') {
          throw new ServerError('TAKEOVER_TICKET_USED', 'the takeover ticket was already used');
        }
        if (result === 'stale') throw wrongPhone();
        request.log.warn({ kind: ticket.kind }, 'phone moved by a takeover confirmed on the phone');
        return { status: 'moved' };
      },
    );

    app.get(TAKEOVER_PAGE_PATH, { logLevel: 'warn' }, async (_request, reply) =>
      reply.headers(TAKEOVER_PAGE_HEADERS).type('text/html; charset=utf-8').send(takeoverPageHtml),
    );
    app.get(TAKEOVER_SCRIPT_PATH, { logLevel: 'warn' }, async (_request, reply) =>
      reply
        .headers({ ...TAKEOVER_PAGE_HEADERS, 'cache-control': 'no-cache' })
        .type('text/javascript; charset=utf-8')
        .send(await browserBundle('takeover-page')),
    );
  };
}

function wrongPhone(): ServerError {
  return new ServerError(
    'TAKEOVER_TICKET_WRONG_PHONE',
    "the ticket does not name this phone's binding as it is now",
  );
}
