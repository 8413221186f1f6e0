import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NetworkInterfaceInfo } from 'node:os';
import { WindowCounter } from './address-limits.js';
import { createHostPolicy, ownHostNames, splitHost } from './host-policy.js';

const lan = {
  eth0: [{ address: '192.168.1.20', family: 'IPv4', internal: false }],
  eth1: [{ address: 'fe80::1%eth1', family: 'IPv6', internal: false }],
} as unknown as NodeJS.Dict<NetworkInterfaceInfo[]>;

test('own names: loopback only on loopback, plus the LAN addresses when bound to every interface', () => {
  assert.deepEqual(ownHostNames('127.0.0.1', lan), ['localhost', '127.0.0.1', '[::1]']);
  assert.deepEqual(ownHostNames('0.0.0.0', lan), [
    'localhost',
    '127.0.0.1',
    '[::1]',
    '192.168.1.20',
    '[fe80::1]',
  ]);
  assert.ok(ownHostNames('192.168.1.20', {}).includes('192.168.1.20'));
  assert.ok(!ownHostNames('192.168.1.20', {}).includes('evil.example'));
});

test('Host: own names on the bound port only, configured names as configured', () => {
  const policy = createHostPolicy({
    ownNames: ownHostNames('127.0.0.1', {}),
    allowedHosts: ['tandem.example', 'proxy.example:8443'],
    port: () => 7341,
  });
  for (const host of [
    'localhost:7341',
    '127.0.0.1:7341',
    '[::1]:7341',
    'tandem.example',
    'tandem.example:1',
  ]) {
    assert.equal(policy.allowsHost(host), true, host);
  }
  for (const host of [
    undefined,
    'localhost:7342',
    'localhost',
    'evil.example:7341',
    'proxy.example',
    'proxy.example:8444',
    'localhost:7341 ',
    'localhost:99999',
    'user@localhost:7341',
  ]) {
    assert.equal(policy.allowsHost(host), false, String(host));
  }
});

test('Origin: none, own origins and allowed ones; never one that only matches the Host it sent', () => {
  const policy = createHostPolicy({
    ownNames: ownHostNames('127.0.0.1', {}),
    allowedOrigins: ['https://app.example'],
    port: () => 7341,
  });
  assert.equal(policy.allowsOrigin(undefined), true);
  assert.equal(policy.allowsOrigin('http://localhost:7341'), true);
  assert.equal(policy.allowsOrigin('https://app.example'), true);
  for (const origin of [
    'http://evil.example:7341',
    'null',
    'http://localhost:7341/x',
    'file://',
    'http://localhost',
  ]) {
    assert.equal(policy.allowsOrigin(origin), false, origin);
  }
});

test('splitHost takes plain names and bracketed IPv6 only', () => {
  assert.deepEqual(splitHost('[::1]:80'), { name: '[::1]', port: 80 });
  assert.deepEqual(splitHost('a.example'), { name: 'a.example', port: undefined });
  assert.equal(splitHost('::1'), undefined);
  assert.equal(splitHost('a b'), undefined);
});

test('a window counter holds its cap per key and forgets keys whose window ended', () => {
  let now = 0;
  const counter = new WindowCounter(2, 1000, () => now);
  assert.deepEqual([counter.take('a'), counter.take('a')], [{ ok: true }, { ok: true }]);
  assert.deepEqual(counter.take('a'), { ok: false, retryAfterSeconds: 1 });
  assert.deepEqual(counter.take('b'), { ok: true }, 'another key has its own budget');
  for (let i = 0; i < 1000; i++) counter.take(`k${i}`);
  assert.equal(counter.size, 1002);
  now = 1000;
  assert.deepEqual(counter.take('a'), { ok: true }, 'a new window');
  assert.equal(counter.size, 1, 'ended windows are dropped: memory follows recent addresses');
});
