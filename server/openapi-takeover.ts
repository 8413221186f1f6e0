// The OpenAPI operations of the takeover (server/routes/takeover.ts), listed in server/openapi.ts.
import { z } from 'zod';
import { IdentityRequestSchema } from '../protocol/pairing.js';
import {
  TakeoverConfirmRequestSchema,
  TakeoverConfirmResponseSchema,
  TakeoverTicketResponseSchema,
} from '../protocol/takeover.js';
import { authed, common, withBody, type Operation } from './openapi-operation.js';

export const takeoverOperations: readonly Operation[] = [
  {
    method: 'post',
    path: '/v1/bindings/takeover-ticket',
    summary:
      'A one-time, two-minute ticket to move a phone bound to another client to you; the agent ' +
      'hands it to the phone over USB only (GET /takeover#<ticket>), and nothing moves until the ' +
      'person confirms there',
    auth: true,
    request: IdentityRequestSchema,
    status: 200,
    response: TakeoverTicketResponseSchema,
    errors: [...withBody, 'TAKEOVER_NOT_NEEDED', ...authed],
  },
  {
    method: 'post',
    path: '/v1/takeover/confirm',
    summary:
      'Sent by the confirmation page on the phone when the person taps "Move to this computer": ' +
      'moves the binding the ticket names, atomically and once; the old owner is told ' +
      'BINDING_MOVED at its next lookup or touch',
    auth: false,
    request: TakeoverConfirmRequestSchema,
    status: 200,
    response: TakeoverConfirmResponseSchema,
    errors: [
      ...withBody,
      'TAKEOVER_TICKET_EXPIRED',
      'TAKEOVER_TICKET_USED',
      'TAKEOVER_TICKET_WRONG_PHONE',
      ...common,
    ],
  },
  {
    method: 'get',
    path: '/takeover',
    summary:
      'The takeover confirmation page the phone opens (text/html; the ticket is in its fragment)',
    auth: false,
    status: 200,
    response: z.string(),
    errors: common,
  },
  {
    method: 'get',
    path: '/m/takeover.js',
    summary: "The confirmation page's own small script (text/javascript)",
    auth: false,
    status: 200,
    response: z.string(),
    errors: common,
  },
];
