// The OpenAPI 3.1 description served at GET /openapi.json, generated from the protocol's zod schemas
// (OpenAPI 3.1 speaks JSON Schema 2020-12, which is what z.toJSONSchema emits).
import { z } from 'zod';
import {
  BindResponseSchema,
  ErrorBodySchema,
  HealthResponseSchema,
  ReadyResponseSchema,
  IdentityRequestSchema,
  LookupResponseSchema,
  RegisterResponseSchema,
  ReleaseResponseSchema,
  SessionResponseSchema,
  TouchResponseSchema,
  WhoAmIResponseSchema,
} from '../protocol/pairing.js';
import { errorCatalogue } from './errors.js';
import { authed, common, withBody, type Operation } from './openapi-operation.js';
import { takeoverOperations } from './openapi-takeover.js';

export const operations: readonly Operation[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness',
    auth: false,
    status: 200,
    response: HealthResponseSchema,
    errors: ['DEPENDENCY_FAILING', 'HOST_NOT_ALLOWED', 'ADDRESS_RATE_LIMITED', 'INTERNAL'],
  },
  {
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: every dependency answers and the server is not draining',
    auth: false,
    status: 200,
    response: ReadyResponseSchema,
    errors: ['NOT_READY', 'HOST_NOT_ALLOWED', 'ADDRESS_RATE_LIMITED', 'INTERNAL'],
  },
  {
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics, text format (only with --metrics)',
    auth: false,
    status: 200,
    response: z.string(),
    errors: ['HOST_NOT_ALLOWED', 'ADDRESS_RATE_LIMITED', 'INTERNAL'],
  },
  {
    method: 'get',
    path: '/openapi.json',
    summary: 'This document',
    auth: false,
    status: 200,
    response: z.object({}).loose(),
    errors: ['HOST_NOT_ALLOWED', 'ADDRESS_RATE_LIMITED', 'INTERNAL'],
  },
  {
    method: 'post',
    path: '/v1/clients',
    summary: 'Register a shadow account; the credential is shown once',
    auth: false,
    status: 201,
    response: RegisterResponseSchema,
    errors: [...withBody, 'ADDRESS_ACCOUNT_LIMIT', ...common],
  },
  {
    method: 'get',
    path: '/v1/clients/me',
    summary: 'Which shadow account these credentials name',
    auth: true,
    status: 200,
    response: WhoAmIResponseSchema,
    errors: authed,
  },
  {
    method: 'post',
    path: '/v1/bindings/lookup',
    summary: 'Is this phone bound, and to whom (you or another)?',
    auth: true,
    request: IdentityRequestSchema,
    status: 200,
    response: LookupResponseSchema,
    errors: [...withBody, 'BINDING_MOVED', ...authed],
  },
  {
    method: 'post',
    path: '/v1/bindings',
    summary: 'Bind the phone to you (atomic; idempotent for the owner)',
    auth: true,
    request: IdentityRequestSchema,
    status: 200,
    response: BindResponseSchema,
    errors: [...withBody, 'BINDING_CONFLICT', ...authed],
  },
  {
    method: 'post',
    path: '/v1/bindings/release',
    summary: 'Release your binding (idempotent when unbound)',
    auth: true,
    request: IdentityRequestSchema,
    status: 200,
    response: ReleaseResponseSchema,
    errors: [...withBody, 'NOT_BINDING_OWNER', ...authed],
  },
  {
    method: 'post',
    path: '/v1/bindings/touch',
    summary: 'Mark your binding as seen (keeps it from expiring)',
    auth: true,
    request: IdentityRequestSchema,
    status: 200,
    response: TouchResponseSchema,
    errors: [...withBody, 'NOT_BINDING_OWNER', 'BINDING_MOVED', ...authed],
  },
  {
    method: 'post',
    path: '/v1/sessions',
    summary: 'Create a session (page id + secret, shown once)',
    auth: true,
    status: 201,
    response: SessionResponseSchema,
    errors: [...withBody, 'ADDRESS_SESSION_LIMIT', ...authed],
  },
  {
    method: 'post',
    path: '/v1/relay/probe',
    summary:
      'Why would this relay join be refused? Same parameters as the WebSocket upgrade at ' +
      'GET /v1/relay (see docs/protocol.md); answers { ok: true } or 400/403/409/410/426 with a relay code',
    auth: false,
    request: z.object({
      v: z.string(),
      page: z.string(),
      role: z.enum(['pc', 'phone']),
      k: z.string().optional(),
      t: z.string().optional(),
      resume: z.string().optional(),
    }),
    status: 200,
    response: z.object({ ok: z.literal(true) }),
    errors: common,
  },
  {
    method: 'get',
    path: '/s/:pageId',
    summary: 'The phone page of a session (text/html; the secret is in its query)',
    auth: false,
    status: 200,
    response: z.string(),
    errors: common,
  },
  {
    method: 'get',
    path: '/m/phone.js',
    summary: 'The phone page script (text/javascript)',
    auth: false,
    status: 200,
    response: z.string(),
    errors: common,
  },
  {
    method: 'get',
    path: '/m/mirror.js',
    summary: 'The mirror replayer script, loaded by the phone page once the PC streams',
    auth: false,
    status: 200,
    response: z.string(),
    errors: common,
  },
  {
    method: 'get',
    path: '/m/sealing.js',
    summary: 'Pure-JS AES-GCM and SHA-256, loaded by a phone page without crypto.subtle',
    auth: false,
    status: 200,
    response: z.string(),
    errors: common,
  },
  {
    method: 'get',
    path: '/v1/stats',
    summary: 'Request counts per route (only when exposeStats is on)',
    auth: true,
    status: 200,
    response: z.record(z.string(), z.number()),
    errors: authed,
  },
  ...takeoverOperations,
];

const json = (schema: z.ZodType): object => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Record<
    string,
    unknown
  >;
  return rest;
};

export function buildOpenApiDocument(version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const op of operations) {
    const responses: Record<string, object> = {
      [op.status]: {
        description: 'OK',
        content: { 'application/json': { schema: json(op.response) } },
      },
    };
    for (const code of op.errors) {
      const { status, description } = errorCatalogue[code];
      const entry = (responses[status] ??= {
        description: '',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
      }) as { description: string };
      entry.description = [entry.description, `${code}: ${description}`]
        .filter(Boolean)
        .join(' | ');
    }
    (paths[op.path] ??= {})[op.method] = {
      summary: op.summary,
      operationId: `${op.method}${op.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string = '') => c.toUpperCase())}`,
      security: op.auth ? [{ shadowAccount: [] }] : [],
      ...(op.request && {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: json(op.request) } },
        },
      }),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Tandem pairing server',
      version,
      description:
        'Shadow accounts and phone bindings. Phone identities are sent in request ' +
        'bodies only and stored as the server’s keyed hash.',
    },
    paths,
    components: {
      schemas: { ErrorBody: json(ErrorBodySchema) },
      securitySchemes: {
        shadowAccount: {
          type: 'http',
          scheme: 'bearer',
          description: 'Bearer <clientId>.<credential>, as returned by POST /v1/clients.',
        },
      },
    },
  };
}
