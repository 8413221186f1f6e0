import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createAdbClient, isLoopback } from './client.js';

test('only loopback hosts count as local (a remote adb server is never started from here)', () => {
  for (const host of ['127.0.0.1', '127.4.5.6', 'localhost', '::1'])
    assert.ok(isLoopback(host), host);
  for (const host of ['192.168.1.20', '10.0.0.1', 'adb.example.test', '1127.0.0.1']) {
    assert.ok(!isLoopback(host), host);
  }
});

test('the client carries host, port and the adb path it was given', () => {
  const client = createAdbClient({ host: '127.0.0.1', port: 15037, adbPath: '/opt/adb' });
  assert.equal(client.port, 15037);
  assert.equal(client.bin, '/opt/adb');
  assert.equal(client.host, '127.0.0.1');
});
