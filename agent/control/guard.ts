// The local control API answers only this machine's loopback, its own Host names, same-origin
// browser requests, and callers that present the token kept in the data folder.
import { timingSafeEqual } from 'node:crypto';

export type GuardFailure = 'CONTROL_BAD_HOST' | 'CONTROL_BAD_ORIGIN' | 'CONTROL_UNAUTHORIZED';

export interface GuardRequest {
  host: string | undefined;
  origin: string | undefined;
  authorization: string | undefined;
  queryToken: string | undefined;
}

export function checkControlRequest(
  request: GuardRequest,
  port: number,
  token: string,
  options: { tokenRequired: boolean } = { tokenRequired: true },
): GuardFailure | undefined {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!request.host || !hosts.includes(request.host.toLowerCase())) return 'CONTROL_BAD_HOST';
  if (request.origin !== undefined && !hosts.some((h) => request.origin === `http://${h}`)) {
    return 'CONTROL_BAD_ORIGIN';
  }
  if (!options.tokenRequired) return undefined;
  const bearer = request.authorization?.match(/^Bearer (\S+)$/)?.[1];
  const presented = bearer ?? request.queryToken;
  if (!presented || !sameSecret(presented, token)) return 'CONTROL_UNAUTHORIZED';
  return undefined;
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
