import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { addReverse, listReverses, removeReverse, type ReverseClient } from './reverse.js';
import { createAdbClient, type AdbClient } from '../adb/client.js';
import {
  fail,
  okay,
  silent,
  startFakeAdbServer,
  type FakeAdbServer,
} from '../../testing/scripted-adb-server.js';
import { isBridgeError } from '../errors.js';
import { waitFor } from '../../testing/wait.js';

let server: FakeAdbServer;
let client: AdbClient;

before(async () => {
  server = await startFakeAdbServer();
  // startServer: false, so adbPath is never run.
  client = createAdbClient({ port: server.port, adbPath: 'adb', startServer: false });
});

after(() => server.close());

// A client that must not be reached: bad ports are refused before any adb traffic.
const unreachable = {
  connection() {
    throw new Error('adb must not be called');
  },
} as unknown as ReverseClient;

test('reverse ports must be integers from 1 to 65535', async () => {
  for (const port of [0, -1, 65536, 1.5, Number.NaN]) {
    await assert.rejects(addReverse(unreachable, 'S1', port, 8080), (e) =>
      isBridgeError(e, 'INVALID_ARGUMENT'),
    );
    await assert.rejects(addReverse(unreachable, 'S1', 8080, port), (e) =>
      isBridgeError(e, 'INVALID_ARGUMENT'),
    );
    await assert.rejects(removeReverse(unreachable, 'S1', port), (e) =>
      isBridgeError(e, 'INVALID_ARGUMENT'),
    );
  }
});

test('add, list and remove send the reverse services on a transport to the phone', async () => {
  // Reverse services answer twice: OKAY for opening, then OKAY (or FAIL) for the result.
  server.answer = (service) =>
    service === 'reverse:list-forward'
      ? okay('host-19 tcp:8080 tcp:43117\nhost-19 tcp:8081 tcp:43118\n')
      : service.startsWith('reverse:')
        ? okay() + okay()
        : okay();
  server.requests.length = 0;
  await addReverse(client, 'S1', 8080, 43117, { timeoutMs: 2_000 });
  assert.deepEqual(await listReverses(client, 'S1'), [
    { remote: 'tcp:8080', local: 'tcp:43117' },
    { remote: 'tcp:8081', local: 'tcp:43118' },
  ]);
  await removeReverse(client, 'S1', 8080);
  assert.deepEqual(server.requests, [
    'host:transport:S1',
    'reverse:forward:tcp:8080;tcp:43117',
    'host:transport:S1',
    'reverse:list-forward',
    'host:transport:S1',
    'reverse:killforward:tcp:8080',
  ]);
});

test('adb failures are mapped to codes', async () => {
  server.answer = (service) =>
    service.startsWith('reverse:forward')
      ? okay() + fail('cannot bind listener: Address already in use')
      : service === 'host:transport:GONE'
        ? fail('device offline')
        : okay();
  await assert.rejects(
    addReverse(client, 'S1', 8080, 9000),
    (e) =>
      isBridgeError(e, 'PHONE_ACTION_FAILED') &&
      e.message.startsWith('adb reverse tcp:8080 tcp:9000 on S1') &&
      e.message.includes('Address already in use'),
  );
  await assert.rejects(listReverses(client, 'GONE'), (e) => isBridgeError(e, 'DEVICE_GONE'));
});

test('a server that never answers: each call is an AdbTimeout within its bound, its socket closed', async () => {
  server.answer = silent;
  const calls = [
    () => addReverse(client, 'S1', 8080, 9000, { timeoutMs: 200 }),
    () => listReverses(client, 'S1', { timeoutMs: 200 }),
    () => removeReverse(client, 'S1', 8080, { timeoutMs: 200 }),
  ];
  for (const call of calls) {
    const started = Date.now();
    await assert.rejects(
      call(),
      (e) => isBridgeError(e, 'ADB_TIMEOUT') && /200 ms/.test(e.message),
    );
    const took = Date.now() - started;
    assert.ok(took >= 150 && took < 2_000, `took ${took} ms`);
  }
  // The given-up calls closed their connections: none is left hanging on the server.
  await waitFor('the given-up connections closed', () => server.openConnections === 0, 2_000);
  assert.equal(server.openConnections, 0);
});
