// `tandem server` as a person runs it: a real process that prints its URL, serves, and exits 0 on
// SIGTERM; a bad flag exits 2 with a code.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rawHttp } from '../../../server/raw-http.js';
import { tempDir } from '../../../testing/server-app.js';
import { PairingClient } from '../../pairing/pairing-client.js';
import { isPairingClientError } from '../../pairing/pairing-client-error.js';

const bin = fileURLToPath(new URL('../../../bin/tandem.js', import.meta.url));

describe('tandem server', () => {
  const dir = tempDir('tandem-cli-server-');
  after(() => dir.remove());

  it('prints its URL, answers /healthz and stops on SIGTERM', async () => {
    const dataDir = join(dir.path, 'data');
    const server = await runServer(['--data', dataDir]);
    try {
      const health = await fetch(`${server.url}/healthz`);
      const body = (await health.json()) as { status: string; checks: Record<string, object> };
      assert.equal(body.status, 'ok');
      assert.deepEqual(Object.keys(body.checks), ['store'], 'each dependency is checked');
      assert.equal((body.checks.store as { status: string }).status, 'ok');
      assert.ok(existsSync(join(dataDir, 'server.sqlite')));
      assert.ok(existsSync(join(dataDir, 'server.key')));
    } finally {
      assert.equal(await server.stop(), 0, 'a clean exit on SIGTERM');
    }
  });

  it('frees a binding unseen for --binding-ttl-days, and refuses bad requests by code over HTTP', async () => {
    // 0.00002 days is 1.7 s: long enough to see the binding held, short enough to see it expire.
    const server = await runServer([
      '--binding-ttl-days',
      '0.00002',
      '--data',
      join(dir.path, 'ttl'),
    ]);
    try {
      const phone = { kind: 'imei' as const, value: '356938035643809' };
      const first = new PairingClient({ serverUrl: server.url });
      const second = new PairingClient({ serverUrl: server.url });
      await first.register();
      await second.register();
      await first.bind(phone);
      await assert.rejects(second.bind(phone), (e) => isPairingClientError(e, 'BINDING_CONFLICT'));
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      assert.equal(await second.lookup(phone), 'unbound', 'the unseen binding has expired');
      await second.bind(phone);
      assert.equal(await first.lookup(phone), 'bound-to-another');

      const post = (path: string, body: string, headers: Record<string, string> = {}) =>
        fetch(`${server.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
      const unauthenticated = await post('/v1/bindings', JSON.stringify(phone));
      assert.equal(unauthenticated.status, 401);
      assert.equal(await codeOf(unauthenticated), 'UNAUTHENTICATED');
      const wrongSecret = await post('/v1/bindings', JSON.stringify(phone), {
        authorization: 'Bearer someone.not-the-credential',
      });
      assert.equal(await codeOf(wrongSecret), 'UNAUTHENTICATED');
      const oversized = await post('/v1/clients', JSON.stringify({ pad: 'x'.repeat(64 * 1024) }));
      assert.equal(oversized.status, 413);
      assert.equal(await codeOf(oversized), 'PAYLOAD_TOO_LARGE');
      const malformed = await post('/v1/clients', '{"half":');
      assert.equal(await codeOf(malformed), 'MALFORMED_JSON');
    } finally {
      await server.stop();
    }
  });

  it('takes --allowed-host and the per-address limits from its flags', async () => {
    const server = await runServer([
      '--allowed-host',
      'tandem.example',
      '--accounts-per-hour',
      '1',
      '--data',
      join(dir.path, 'limits'),
    ]);
    try {
      const port = Number(new URL(server.url).port);
      const register = () =>
        rawHttp(port, { path: '/v1/clients', body: '{}', headers: { host: 'tandem.example' } });
      assert.equal((await register()).status, 201, 'the allowed name is answered');
      assert.equal((await register()).code, 'ADDRESS_ACCOUNT_LIMIT', 'one account per hour');
      const rebound = await rawHttp(port, {
        path: '/healthz',
        headers: { host: `evil.example:${port}` },
      });
      assert.equal(rebound.code, 'HOST_NOT_ALLOWED');
    } finally {
      await server.stop();
    }
  });

  it('takes its settings from environment variables, and a flag given wins', async () => {
    const server = await runServer(['--accounts-per-hour', '2', '--data', join(dir.path, 'env')], {
      TANDEM_METRICS: '1',
      TANDEM_ACCOUNTS_PER_HOUR: '1',
      TANDEM_ALLOWED_HOSTS: 'one.example,two.example',
    });
    try {
      const port = Number(new URL(server.url).port);
      const metrics = await fetch(`${server.url}/metrics`);
      assert.equal(metrics.status, 200, 'TANDEM_METRICS=1 turns metrics on');
      assert.match(await metrics.text(), /^tandem_relay_sessions 0$/m);
      const register = (host: string) =>
        rawHttp(port, { path: '/v1/clients', body: '{}', headers: { host } });
      assert.equal((await register('one.example')).status, 201, 'both listed names answered');
      assert.equal(
        (await register('two.example')).status,
        201,
        'the flag (2) beat the variable (1)',
      );
      assert.equal((await register('one.example')).code, 'ADDRESS_ACCOUNT_LIMIT');
    } finally {
      assert.equal(await server.stop(), 0);
    }
    const off = await runServer(['--data', join(dir.path, 'env-off')], { TANDEM_METRICS: '0' });
    try {
      assert.equal((await fetch(`${off.url}/metrics`)).status, 404, 'TANDEM_METRICS=0 is off');
    } finally {
      await off.stop();
    }
  });

  it('refuses a binding TTL that is not a positive number', async () => {
    const child = spawn(
      process.execPath,
      [bin, 'server', '--binding-ttl-days', '0', '--data', dir.path],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 2);
    assert.match(stderr, /--binding-ttl-days .*\[INVALID_ARGUMENT\]/);
  });

  it('refuses a bad port with exit code 2 and a stable code', async () => {
    const child = spawn(process.execPath, [bin, 'server', '--port', '70000', '--data', dir.path], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code] = await once(child, 'exit');
    assert.equal(code, 2);
    assert.match(stderr, /--port .*\[INVALID_ARGUMENT\]/);
  });
});

async function codeOf(response: Response): Promise<string | undefined> {
  return ((await response.json()) as { error?: { code?: string } }).error?.code;
}

/** `tandem server --port 0 …` as a child process, resolved once it printed its URL. */
async function runServer(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ url: string; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, [bin, 'server', '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, ...env },
  });
  let stdout = '';
  child.stdout.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const line = /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
      if (line) resolve(line[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
  });
  return {
    url,
    /** SIGTERM, then the exit code (SIGKILL after 10 s, so a hung server fails the test). */
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const [code] = (await exited) as [number | null];
      clearTimeout(kill);
      return code;
    },
  };
}
