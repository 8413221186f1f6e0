// After a failed upgrade, ask the server why: a browser cannot read the HTTP refusal of an upgrade.
import { RelayErrorCode } from '../protocol/relay-errors.js';
import { RELAY_PROTOCOL_VERSION, type Role } from '../protocol/relay-frames.js';

/** Refusals that retrying cannot fix. */
export const PERMANENT_REFUSALS: ReadonlySet<string> = new Set([
  RelayErrorCode.NotMatched,
  RelayErrorCode.Expired,
  RelayErrorCode.Full,
  RelayErrorCode.OriginNotAllowed,
  RelayErrorCode.VersionMismatch,
  RelayErrorCode.BadRequest,
]);

export interface ProbeRequest {
  server: string;
  pageId: string;
  role: Role;
  secret?: string | undefined;
  token?: string | undefined;
  resumeToken?: string | undefined;
}

/** The refusal code, or undefined when the server would accept (or cannot be reached). */
export async function probeJoin(
  request: ProbeRequest,
): Promise<{ code: string; message: string } | undefined> {
  const body: Record<string, string> = {
    v: String(RELAY_PROTOCOL_VERSION),
    page: request.pageId,
    role: request.role,
  };
  if (request.secret !== undefined) body.k = request.secret;
  if (request.token !== undefined) body.t = request.token;
  if (request.resumeToken !== undefined) body.resume = request.resumeToken;
  try {
    const response = await fetch(`${request.server}/v1/relay/probe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.ok) return undefined;
    const answer = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
    const code = answer.error?.code;
    return typeof code === 'string'
      ? { code, message: String(answer.error?.message ?? '') }
      : undefined;
  } catch {
    return undefined;
  }
}
