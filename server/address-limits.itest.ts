// Budgets per client address hold across accounts, and another address keeps its own: real
// sockets from 127.0.0.1 and 127.0.0.2 against a real server.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from './listen.js';
import { rawHttp } from './raw-http.js';
import { tempDir } from '../testing/server-app.js';

const A = '127.0.0.1';
const B = '127.0.0.2';

describe('pairing server: per-address limits', () => {
  const dir = tempDir('tandem-address-limits-');
  const servers: RunningServer[] = [];
  after(async () => {
    for (const server of servers) await server.close();
    dir.remove();
  });

  const start = async (addressLimits: Record<string, number>) => {
    const server = await startServer({
      dataDir: `${dir.path}/${servers.length}`,
      port: 0,
      sweepIntervalMs: 0,
      addressLimits,
    });
    servers.push(server);
    const host = `127.0.0.1:${server.port}`;
    const call = (from: string, path: string, authorization?: string) =>
      rawHttp(server.port, {
        path,
        ...(path.endsWith('/me') ? {} : { body: '{}' }),
        localAddress: from,
        headers: { host, ...(authorization ? { authorization } : {}) },
      });
    const register = async (from: string) => {
      const response = await call(from, '/v1/clients');
      const body = JSON.parse(response.body) as { clientId?: string; credential?: string };
      return { response, authorization: `Bearer ${body.clientId}.${body.credential}` };
    };
    return { call, register };
  };

  it('caps accounts registered per address per hour, and not another address', async () => {
    const { register } = await start({ accountsPerHour: 3 });
    for (let i = 0; i < 3; i++) assert.equal((await register(A)).response.status, 201);
    const refused = (await register(A)).response;
    assert.equal(refused.status, 429);
    assert.equal(refused.code, 'ADDRESS_ACCOUNT_LIMIT');
    assert.ok(Number(refused.headers['retry-after']) > 0, 'Retry-After is set');
    assert.equal((await register(B)).response.status, 201, 'another address is not affected');
  });

  it('caps sessions per address across all its accounts', async () => {
    const { register, call } = await start({ sessionsPerHour: 4 });
    const accounts = [await register(A), await register(A)];
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      for (const account of accounts) {
        statuses.push((await call(A, '/v1/sessions', account.authorization)).status);
      }
    }
    assert.deepEqual(statuses, [201, 201, 201, 201, 429, 429], 'two accounts share one budget');
    const last = await call(A, '/v1/sessions', accounts[0]!.authorization);
    assert.equal(last.code, 'ADDRESS_SESSION_LIMIT');
    const other = await register(B);
    assert.equal((await call(B, '/v1/sessions', other.authorization)).status, 201);
  });

  it('limits the request rate per address on top of the per-account limit', async () => {
    const { register, call } = await start({ requestsPerMinute: 10 });
    const accounts = [await register(A), await register(A), await register(A)];
    let served = accounts.length; // the registrations count too
    let refused: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 20 && !refused; i++) {
      const response = await call(A, '/v1/clients/me', accounts[i % 3]!.authorization);
      if (response.status === 429) refused = response;
      else served++;
    }
    assert.equal(served, 10, 'ten requests a minute from the address, whatever the account');
    assert.equal(refused?.code, 'ADDRESS_RATE_LIMITED');
    const other = await register(B);
    assert.equal(other.response.status, 201, 'another address is not affected');
  });
});
