// Decides, before the WebSocket is accepted, whether an upgrade request may join a session:
// Host, Origin, protocol version, parameters, matching (rule a or b), then the role slot.
import type { IncomingHttpHeaders } from 'node:http';
import * as z from 'zod/mini';
import { RelayErrorCode } from '../../protocol/relay-errors.js';
import { httpStatusOf } from '../../protocol/errors/index.js';
import { RELAY_PROTOCOL_VERSION, RoleSchema, type Role } from '../../protocol/relay-frames.js';
import { PageIdSchema, RoleTokenSchema, SecretSchema } from '../../protocol/session-url.js';
import type { HostPolicy } from '../host-policy.js';
import type { SessionRecord, SessionRegistry } from './session-registry.js';

export type Admission =
  | {
      ok: true;
      record: SessionRecord;
      role: Role;
      /** Defined when the terminal resumes its slot: the last relay seq it received. */
      resumeLast: number | undefined;
    }
  | { ok: false; status: number; code: string; message: string };

export const JoinParamsSchema = z.strictObject({
  v: z.string().check(z.regex(/^[0-9]{1,4}$/)),
  page: PageIdSchema,
  role: RoleSchema,
  k: z.optional(SecretSchema),
  t: z.optional(RoleTokenSchema),
  resume: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/))),
  last: z.optional(z.coerce.number().check(z.int(), z.gte(0), z.lte(Number.MAX_SAFE_INTEGER))),
});
export type JoinParams = z.infer<typeof JoinParamsSchema>;

/** A refusal answers the HTTP status its code has in the catalogue (protocol/errors/relay.ts). */
const refuse = (code: RelayErrorCode, message: string): Admission => ({
  ok: false,
  status: httpStatusOf(code) ?? 400,
  code,
  message,
});

/** Async with --redis (the session and its seats live in Redis); a store failure throws. */
export async function admit(
  params: Record<string, unknown>,
  headers: IncomingHttpHeaders,
  registry: SessionRegistry,
  hosts: HostPolicy,
): Promise<Admission> {
  // Refusals name what is wrong, never the value sent.
  if (!hosts.allowsHost(headers.host)) {
    return refuse(RelayErrorCode.HostNotAllowed, 'this server does not answer to that host name');
  }
  if (!hosts.allowsOrigin(headers.origin)) {
    return refuse(RelayErrorCode.OriginNotAllowed, 'this page origin may not join sessions');
  }
  if (params.v !== undefined && params.v !== String(RELAY_PROTOCOL_VERSION)) {
    return refuse(
      RelayErrorCode.VersionMismatch,
      `the server speaks relay protocol v${RELAY_PROTOCOL_VERSION}, the client another version`,
    );
  }
  const parsed = JoinParamsSchema.safeParse(params);
  if (!parsed.success || (parsed.data.k === undefined) === (parsed.data.t === undefined)) {
    return refuse(RelayErrorCode.BadRequest, 'expected v, page, role and exactly one of k or t');
  }
  const { page, role, k, t, resume, last } = parsed.data;
  const matched = await registry.match({ pageId: page, role, secret: k, token: t });
  if (!matched.ok) {
    return matched.code === RelayErrorCode.Expired
      ? refuse(RelayErrorCode.Expired, 'this session has expired; open a new one')
      : refuse(RelayErrorCode.NotMatched, 'this session link does not match an open session');
  }
  const decision = await matched.record.relay.decide(role, resume, last);
  if (decision === 'full') {
    return refuse(RelayErrorCode.Full, `another ${role} terminal already holds this session`);
  }
  return {
    ok: true,
    record: matched.record,
    role,
    resumeLast: decision === 'resume' ? (last ?? 0) : undefined,
  };
}
