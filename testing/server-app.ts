// Shared by the server's tests: a temp data folder, an app on it, and registered clients.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServerApp } from '../server/app.js';
import type { ServerAppOptions } from '../server/config.js';

/** A valid IMEI (15 digits, Luhn check digit correct). */
export const TEST_IMEI = '490154203237518';
export const imeiIdentity = { kind: 'imei' as const, value: TEST_IMEI };

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export function testApp(dataDir: string, options: Partial<ServerAppOptions> = {}): FastifyInstance {
  return buildServerApp({ dataDir, sweepIntervalMs: 0, ...options });
}

export interface TestClient {
  clientId: string;
  headers: { authorization: string };
}

export async function registerClient(app: FastifyInstance): Promise<TestClient> {
  const response = await app.inject({ method: 'POST', url: '/v1/clients' });
  if (response.statusCode !== 201) throw new Error(`register: ${response.statusCode}`);
  const { clientId, credential } = response.json<{ clientId: string; credential: string }>();
  return { clientId, headers: { authorization: `Bearer ${clientId}.${credential}` } };
}

/** POSTs a JSON body as `client`; returns status, error code (if any) and the parsed body. */
export async function post(
  app: FastifyInstance,
  url: string,
  client: TestClient | undefined,
  payload: unknown,
): Promise<{ status: number; code: string | undefined; body: Record<string, unknown> }> {
  const response = await app.inject({
    method: 'POST',
    url,
    headers: client?.headers ?? {},
    payload: payload as object,
  });
  const body = response.json<Record<string, unknown>>();
  const error = body.error as { code?: string } | undefined;
  return { status: response.statusCode, code: error?.code, body };
}
