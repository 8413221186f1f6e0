// The desktop UI's typed client of the agent's control API: each call names a route of the contract
// (protocol/control-api.ts), sends the body that route takes, and checks the answer's shape.
import * as z from 'zod/mini';
import {
  controlRoutes,
  type ControlRequest,
  type ControlResponse,
  type ControlRouteName,
  type RouteWithBody,
  type RouteWithoutBody,
} from '../protocol/control-api.js';
import { ControlErrorBodySchema } from '../protocol/control-responses.js';

/** A refusal of the agent: its message, with the stable code in brackets. */
export class ControlCallError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(code ? `${message} [${code}]` : message);
  }
}

export interface ControlClient {
  call<R extends RouteWithoutBody>(route: R): Promise<ControlResponse<R>>;
  call<R extends RouteWithBody>(route: R, body: ControlRequest<R>): Promise<ControlResponse<R>>;
}

export function createControlClient(token: string): ControlClient {
  async function call(route: ControlRouteName, body?: unknown): Promise<unknown> {
    const { method, path, response: answer } = controlRoutes[route];
    const response = await fetch(path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json: unknown = await response.json();
    if (!response.ok) {
      const refusal = z.safeParse(ControlErrorBodySchema, json);
      throw refusal.success
        ? new ControlCallError(refusal.data.error.message, refusal.data.error.code)
        : new ControlCallError(response.statusText, undefined);
    }
    return z.parse(answer, json);
  }
  return { call } as ControlClient;
}
