// The pairing server's wire contract: shadow accounts, bindings, sessions. Shared by the server
// (validates requests) and the agent's client (validates responses). Imports only zod and the
// identity vocabulary.
import { z } from 'zod';
import { hasLuhnCheckDigit } from './identity.js';
import { codeNames } from './coded-error.js';
import { serverErrors, type ServerErrorCode as ServerCode } from './errors/server.js';

/** Every path of this API starts with this prefix; a breaking change gets a new one. */
export const PAIRING_API_PREFIX = '/v1';

const printableToken = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7e]+$/, 'must be 1-64 printable ASCII characters without spaces');

/** The phone identity the agent sends. The server keeps only its own keyed hash of it. */
export const PhoneIdentitySchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('imei'),
    value: z
      .string()
      .regex(/^[0-9]{15}$/, 'an IMEI is 15 digits')
      .refine(hasLuhnCheckDigit, 'the IMEI check digit is wrong'),
  }),
  z.strictObject({ kind: z.literal('serial'), value: printableToken }),
  z.strictObject({ kind: z.literal('android_id'), value: printableToken }),
]);
export type PhoneIdentityInput = z.infer<typeof PhoneIdentitySchema>;

export const IdentityRequestSchema = z.strictObject({ identity: PhoneIdentitySchema });
export type IdentityRequest = z.infer<typeof IdentityRequestSchema>;

/** An empty JSON object, or no body at all. */
export const EmptyRequestSchema = z.strictObject({}).optional();

export const RegisterResponseSchema = z.object({
  clientId: z.string().min(1),
  /** Shown once; the server keeps only its SHA-256. */
  credential: z.string().min(1),
});
export type RegisterResponse = z.infer<typeof RegisterResponseSchema>;

export const WhoAmIResponseSchema = z.object({ clientId: z.string().min(1) });
export type WhoAmIResponse = z.infer<typeof WhoAmIResponseSchema>;

export const BindingStatusSchema = z.enum(['unbound', 'bound-to-you', 'bound-to-another']);
export type BindingStatus = z.infer<typeof BindingStatusSchema>;

export const LookupResponseSchema = z.object({ status: BindingStatusSchema });
export type LookupResponse = z.infer<typeof LookupResponseSchema>;

export const BindResponseSchema = z.object({
  status: z.literal('bound-to-you'),
  /** False when this client already held the binding (bind is idempotent for the owner). */
  created: z.boolean(),
});
export type BindResponse = z.infer<typeof BindResponseSchema>;

export const ReleaseResponseSchema = z.object({
  /** False when the phone was not bound at all (release is idempotent). */
  released: z.boolean(),
});
export type ReleaseResponse = z.infer<typeof ReleaseResponseSchema>;

export const TouchResponseSchema = z.object({ status: z.literal('bound-to-you') });
export type TouchResponse = z.infer<typeof TouchResponseSchema>;

export const SessionResponseSchema = z.object({
  sessionId: z.string().min(1),
  pageId: z.string().min(1),
  /** Shown once; the server keeps only its SHA-256. */
  secret: z.string().min(1),
  /** Matching rule (b): each terminal's role token, an alternative to the shared secret. */
  tokens: z.object({ pc: z.string().min(1), phone: z.string().min(1) }).optional(),
  expiresAt: z.iso.datetime(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

/** One dependency check of `/healthz` and `/readyz`. */
export const CheckResultSchema = z.object({
  status: z.enum(['ok', 'failing']),
  ms: z.number().int().min(0),
  error: z.string().optional(),
});

/** `GET /healthz` when every dependency answers (503 `DEPENDENCY_FAILING` otherwise). */
export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  checks: z.record(z.string(), CheckResultSchema),
});

/** `GET /readyz` when every dependency answers and the server is not draining (else `NOT_READY`). */
export const ReadyResponseSchema = z.object({
  status: z.literal('ready'),
  draining: z.literal(false),
  checks: z.record(z.string(), CheckResultSchema),
});

/** Stable codes of the server's error body by short name (protocol/errors/server.ts). */
export const ServerErrorCode = codeNames(serverErrors);
export type ServerErrorCode = ServerCode;

/** The one shape of every error response. */
export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
