// Which server URLs a phone reaches only through adb reverse, and which make the agent warn.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  insecureServerWarning,
  isInsecureRemoteServer,
  isLoopbackUrl,
  loopbackServerPort,
  throughReverse,
} from './server-reach.js';

describe('server reach', () => {
  it('finds the port to reverse of a loopback server, and none for another', () => {
    assert.equal(loopbackServerPort('http://127.0.0.1:7341'), 7341);
    assert.equal(loopbackServerPort('http://127.1.2.3:9/base'), 9);
    assert.equal(loopbackServerPort('http://LOCALHOST:8080/'), 8080);
    assert.equal(loopbackServerPort('http://[::1]:5000'), 5000);
    assert.equal(loopbackServerPort('http://localhost'), 80);
    assert.equal(loopbackServerPort('https://localhost'), 443);
    for (const url of [
      'http://192.168.1.20:7341',
      'https://tandem.example',
      'http://tandem-lan.test:7341',
      'http://127.0.0.1.example:80',
      'http://0.0.0.0:7341',
    ]) {
      assert.equal(loopbackServerPort(url), undefined, url);
      assert.equal(isLoopbackUrl(url), false, url);
    }
  });

  it("names the same server on the phone's own localhost, path and scheme kept", () => {
    assert.equal(throughReverse('http://127.0.0.1:7341'), 'http://localhost:7341');
    assert.equal(throughReverse('http://127.0.0.1:7341/'), 'http://localhost:7341');
    assert.equal(throughReverse('https://[::1]:8443/tandem/'), 'https://localhost:8443/tandem');
  });

  it('warns for plain http off loopback only', () => {
    assert.equal(isInsecureRemoteServer('http://192.168.1.20:7341'), true);
    assert.equal(isInsecureRemoteServer('http://tandem-lan.test:7341'), true);
    assert.equal(isInsecureRemoteServer('https://tandem.example'), false);
    assert.equal(isInsecureRemoteServer('http://127.0.0.1:7341'), false);
    assert.equal(isInsecureRemoteServer('http://localhost:7341'), false);
    const warning = insecureServerWarning('http://192.168.1.20:7341/s/secret?k=x');
    assert.match(warning, /http:\/\/192\.168\.1\.20:7341 is plain HTTP/);
    assert.match(warning, /without a secure context/);
    assert.ok(!warning.includes('secret'), 'only the origin is shown');
  });
});
