import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeAgentFile, type AgentFile } from '../../control/agent-file.js';
import { chooseAdbServer, describeAdbServer, processAlive } from './adb-server-choice.js';

const agent = (extra: Partial<AgentFile> = {}): AgentFile => ({
  pid: 4242,
  controlUrl: 'http://127.0.0.1:1',
  token: 't',
  serverUrl: 'http://127.0.0.1:2',
  startedAt: new Date(0).toISOString(),
  ...extra,
});

function dataDir(file?: AgentFile): string {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-adb-choice-'));
  if (file) writeAgentFile(dir, file);
  return dir;
}

const alive = () => true;
const dead = () => false;

test("a running agent's adb server is the default, with its host", () => {
  const dir = dataDir(agent({ adbHost: '127.0.0.3', adbPort: 41_000 }));
  const choice = chooseAdbServer({}, dir, 5037, alive);
  assert.deepEqual(choice, { host: '127.0.0.3', port: 41_000, source: 'agent', agentPid: 4242 });
  assert.equal(
    describeAdbServer(choice),
    "adb server 127.0.0.3:41000 (the running agent's, pid 4242)",
  );
});

test('--adb-port wins over the agent', () => {
  const dir = dataDir(agent({ adbPort: 41_000 }));
  assert.deepEqual(chooseAdbServer({ adbPort: 6000 }, dir, 5037, alive), {
    host: '127.0.0.1',
    port: 6000,
    source: 'flag',
  });
});

test('no agent, a dead agent or one without a recorded port: the default port', () => {
  const expected = { host: '127.0.0.1', port: 5037, source: 'default' };
  assert.deepEqual(chooseAdbServer({}, dataDir(), 5037, alive), expected);
  assert.deepEqual(chooseAdbServer({}, dataDir(agent({ adbPort: 41_000 })), 5037, dead), expected);
  assert.deepEqual(chooseAdbServer({}, dataDir(agent()), 5037, alive), expected);
});

test('processAlive: this process is, a pid past pid_max is not', () => {
  assert.equal(processAlive(process.pid), true);
  assert.equal(processAlive(2 ** 30), false);
});
