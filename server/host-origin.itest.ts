// The pairing server answers only to its own Host names (DNS rebinding) and its own origins, on
// HTTP routes and the relay upgrade; refusals are coded and never echo what was sent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RELAY_PROTOCOL_VERSION } from '../protocol/relay-frames.js';
import { buildUpgradeUrl } from '../protocol/session-url.js';
import { startServer, type RunningServer } from './listen.js';
import { rawHttp } from './raw-http.js';
import { rawUpgrade } from '../testing/relay-server.js';
import { tempDir } from '../testing/server-app.js';

describe('pairing server: Host and Origin', () => {
  const dir = tempDir('tandem-host-');
  let server: RunningServer;
  let port = 0;

  before(async () => {
    server = await startServer({
      dataDir: dir.path,
      port: 0,
      sweepIntervalMs: 0,
      allowedHosts: ['tandem.example'],
    });
    port = server.port;
  });
  after(async () => {
    await server.close();
    dir.remove();
  });

  const register = (host: string) =>
    rawHttp(port, { path: '/v1/clients', body: '{}', headers: { host } });

  it('answers its loopback names on its port and refuses any other Host with HOST_NOT_ALLOWED', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      assert.equal((await register(host)).status, 201, host);
    }
    // tandem.example is configured without a port: any port (a reverse proxy on 443).
    assert.equal((await register('tandem.example')).status, 201);
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `localhost:${port + 1}`,
      `127.0.0.2:${port}`,
      `localhost.:${port}`,
    ]) {
      const refused = await register(host);
      assert.equal(refused.status, 421, host);
      assert.equal(refused.code, 'HOST_NOT_ALLOWED', host);
      assert.ok(!refused.body.includes(host), 'the Host is not echoed');
    }
    const health = await rawHttp(port, {
      path: '/healthz',
      headers: { host: `evil.example:${port}` },
    });
    assert.equal(health.code, 'HOST_NOT_ALLOWED');
  });

  it('a server bound to another address answers to that address too (as a LAN one would)', async () => {
    const bound = await startServer({
      dataDir: `${dir.path}/bound`,
      host: '127.0.0.3',
      port: 0,
      sweepIntervalMs: 0,
    });
    try {
      const at = (host: string) =>
        rawHttp(bound.port, { address: '127.0.0.3', path: '/healthz', headers: { host } });
      assert.equal((await at(`127.0.0.3:${bound.port}`)).status, 200);
      assert.equal((await at(`localhost:${bound.port}`)).status, 200);
      assert.equal((await at(`evil.example:${bound.port}`)).code, 'HOST_NOT_ALLOWED');
    } finally {
      await bound.close();
    }
  });

  const relayUrl = async () => {
    const created = server.app.relay.createSession();
    return buildUpgradeUrl(server.url, RELAY_PROTOCOL_VERSION, {
      pageId: created.pageId,
      role: 'phone',
      secret: created.secret,
    });
  };

  it('refuses a rebinding page at the relay upgrade even when Origin matches its Host', async () => {
    const evil = `evil.example:${port}`;
    const rebound = await rawUpgrade(await relayUrl(), { host: evil, origin: `http://${evil}` });
    assert.equal(rebound.opened, false);
    assert.equal(rebound.opened ? '' : rebound.status, 421);
    assert.equal(rebound.opened ? '' : rebound.code, 'HOST_NOT_ALLOWED');

    const foreignOrigin = await rawUpgrade(await relayUrl(), { origin: 'http://evil.example' });
    assert.equal(foreignOrigin.opened ? '' : foreignOrigin.code, 'ORIGIN_NOT_ALLOWED');

    const viaLocalhost = await rawUpgrade(await relayUrl(), {
      host: `localhost:${port}`,
      origin: `http://localhost:${port}`,
    });
    assert.equal(viaLocalhost.opened, true, 'the phone through adb reverse: localhost:PORT');
    if (viaLocalhost.opened) viaLocalhost.socket.close();
  });

  it('does not echo the protocol version sent, at the upgrade or the probe', async () => {
    const marker = '3546791';
    const url = new URL(await relayUrl());
    url.searchParams.set('v', marker);
    const upgrade = await rawUpgrade(url.toString());
    assert.equal(upgrade.opened ? '' : upgrade.code, 'PROTOCOL_VERSION_MISMATCH');
    assert.ok(!upgrade.opened && !upgrade.body.includes(marker), 'the upgrade refusal');

    const params = Object.fromEntries(url.searchParams);
    const probe = await rawHttp(port, {
      path: '/v1/relay/probe',
      body: JSON.stringify(params),
      headers: { host: `127.0.0.1:${port}` },
    });
    assert.equal(probe.code, 'PROTOCOL_VERSION_MISMATCH');
    assert.ok(!probe.body.includes(marker), 'the probe refusal');
  });
});
