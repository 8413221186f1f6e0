// Two real `tandem server` processes (two nodes) on one real PostgreSQL: 50 clients, registered
// across both, race to bind one phone, half of them through each node. Exactly one wins, 49 get
// BINDING_CONFLICT, and both nodes then agree on the owner. The nodes share one server.key; a node
// with another key refuses to start.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PairingClient, type PairingClientError } from '../testing/agent-pairing-client.js';
import { freePort } from '../testing/free-port.js';
import { startServerProcess, type ServerProcess } from '../testing/server-process.js';
import { TEST_IMEI, tempDir } from '../testing/server-app.js';
import { loadOrCreateSecret } from '../db/secret-file.js';
import { SERVER_KEY_FILE } from './app.js';
import { testStoreTarget, type TestStoreTarget } from '../testing/test-store.js';

const phone = { kind: 'imei' as const, value: TEST_IMEI };

describe('two server nodes on one PostgreSQL', () => {
  let target: TestStoreTarget;
  const secondDir = tempDir('tandem-node-b-');
  const nodes: ServerProcess[] = [];

  before(async () => {
    target = await testStoreTarget('postgres', 'tandem-node-a-');
    loadOrCreateSecret(join(target.dataDir, SERVER_KEY_FILE));
    copyFileSync(join(target.dataDir, SERVER_KEY_FILE), join(secondDir.path, SERVER_KEY_FILE));
    // Both nodes start together: the migration's advisory lock lets one create the schema.
    const started = await Promise.all(
      [target.dataDir, secondDir.path].map(async (dataDir) =>
        startServerProcess({ port: await freePort(), dataDir, databaseUrl: target.databaseUrl }),
      ),
    );
    nodes.push(...started);
  });
  const otherKeyDir = tempDir('tandem-node-c-');
  after(async () => {
    otherKeyDir.remove();
    for (const node of nodes) await node.kill();
    secondDir.remove();
    await target.dispose();
  });

  it('lets exactly one of 50 clients spread over 2 nodes bind the phone', async () => {
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    const clients = Array.from(
      { length: 50 },
      (_, i) => new PairingClient({ serverUrl: (i % 2 === 0 ? a : b).url }),
    );
    await Promise.all(clients.map((client) => client.register()));
    const results = await Promise.allSettled(clients.map((client) => client.bind(phone)));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    assert.equal(won.length, 1, 'exactly one winner');
    assert.equal(lost.length, 49, '49 conflicts');
    for (const loss of lost) {
      const error = (loss as PromiseRejectedResult).reason as PairingClientError;
      assert.equal(error.code, 'BINDING_CONFLICT');
      assert.equal(error.status, 409);
    }
    const winnerIndex = results.indexOf(won[0]!);
    const winner = clients[winnerIndex]!;
    assert.equal(await winner.lookup(phone), 'bound-to-you');
    // The winner's account, asked through the other node, is the owner there too.
    const otherNode = winnerIndex % 2 === 0 ? b : a;
    const sameAccount = new PairingClient({ serverUrl: otherNode.url, account: winner.account! });
    assert.equal(await sameAccount.lookup(phone), 'bound-to-you');
    const loser = clients[winnerIndex % 2 === 0 ? 1 : 0]!;
    assert.equal(await loser.lookup(phone), 'bound-to-another');
  });

  it('refuses to start a node whose server.key differs (SERVER_KEY_MISMATCH)', async () => {
    await assert.rejects(
      startServerProcess({
        port: await freePort(),
        dataDir: otherKeyDir.path,
        databaseUrl: target.databaseUrl,
      }),
      /SERVER_KEY_MISMATCH/,
    );
  });
});
