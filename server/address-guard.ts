// Refusals of the per-address budgets (server/address-limits.ts): a 429 with its own code and a
// Retry-After header. The address is the TCP peer's (no proxy header is trusted).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AddressLimits } from './address-limits.js';
import { ServerError, type ServerErrorCode } from './errors.js';

const refusals: Record<keyof AddressLimits, [ServerErrorCode, string]> = {
  requests: ['ADDRESS_RATE_LIMITED', 'too many requests from this address'],
  accounts: ['ADDRESS_ACCOUNT_LIMIT', 'too many accounts registered from this address this hour'],
  sessions: ['ADDRESS_SESSION_LIMIT', 'too many sessions created from this address this hour'],
};

/** Spends one unit of `kind` for the request's address, or throws the coded 429. */
export function spendAddressBudget(
  limits: AddressLimits | undefined,
  kind: keyof AddressLimits,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  if (!limits) return;
  const taken = limits[kind].take(request.ip);
  if (taken.ok) return;
  const [code, message] = refusals[kind];
  reply.header('retry-after', String(taken.retryAfterSeconds));
  throw new ServerError(code, message);
}
