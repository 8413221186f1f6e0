// `tandem doctor` reads a data folder without changing it and names each problem by its code;
// `--repair` keeps the broken file next to it, starts a fresh store and registers a new account.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HistoryStore } from '../../db/agent/history-store.js';
import { phoneIdentity } from '../../protocol/identity.js';
import { inspectDataDir } from './doctor.js';
import { repairDataDir } from './doctor-repair.js';
import { assertAccountKept } from './store-accounts.js';

const root = mkdtempSync(join(tmpdir(), 'tandem-doctor-'));
after(() => rmSync(root, { recursive: true, force: true }));

function store(name: string, fill: { account: boolean }): string {
  const dataDir = join(root, name);
  const history = HistoryStore.open({ dataDir });
  history.recordPaired({
    identity: phoneIdentity('android_id', 'a1b2c3d4e5f60718'),
    model: 'Pixel 8',
    manufacturer: 'Google',
    serial: 'S1',
  });
  if (fill.account)
    history.saveServerAccount({ serverUrl: 'embedded:', clientId: 'c', credential: 'k' });
  history.close();
  return dataDir;
}

const problems = (dataDir: string) =>
  inspectDataDir(dataDir)
    .checks.filter((c) => !c.ok)
    .map((c) => `${c.name}:${c.code}`);

describe('tandem doctor', () => {
  it('a healthy folder: every check ok, nothing written', () => {
    const dataDir = store('healthy', { account: true });
    const before = readdirSync(dataDir).sort();
    const report = inspectDataDir(dataDir);
    assert.equal(report.healthy, true, JSON.stringify(report));
    assert.match(report.checks.find((c) => c.name === 'account')?.detail ?? '', /1 server account/);
    assert.deepEqual(readdirSync(dataDir).sort(), before);
  });

  it('a header overwritten: database DATABASE_CORRUPT; repair backs up, starts afresh, registers', async () => {
    const dataDir = store('header', { account: true });
    const fd = openSync(join(dataDir, 'agent.sqlite'), 'r+');
    writeSync(fd, Buffer.alloc(100, 0x41), 0, 100, 0);
    closeSync(fd);
    assert.deepEqual(problems(dataDir), ['database:DATABASE_CORRUPT']);
    const size = statSync(join(dataDir, 'agent.sqlite')).size;

    const result = await repairDataDir(dataDir, { now: () => new Date('2026-01-02T03:04:05Z') });
    assert.equal(result.repaired, true);
    assert.deepEqual(result.account, { registered: true, server: 'embedded' });
    const backup = join(dataDir, 'agent.sqlite.corrupt-2026-01-02T03-04-05-000Z');
    assert.equal(statSync(backup).size, size, 'the broken file is kept, unchanged');
    assert.ok(result.expect.some((line) => /paired with another computer/.test(line)));
    assert.deepEqual(problems(dataDir), [], 'healthy after the repair');
    const reopened = HistoryStore.open({ dataDir });
    assert.ok(reopened.getServerAccount('embedded:'), 'a new account is stored');
    reopened.close();
  });

  it('a store whose account vanished is DATABASE_CORRUPT, for the agent too', () => {
    const dataDir = store('no-account', { account: false });
    assert.deepEqual(problems(dataDir), ['account:DATABASE_CORRUPT']);
    const history = HistoryStore.open({ dataDir });
    assert.throws(() => assertAccountKept(history), { code: 'DATABASE_CORRUPT' });
    history.close();
  });

  it('repair refuses while an agent runs on the folder', async () => {
    const dataDir = store('running', { account: true });
    const { writeAgentFile } = await import('../control/agent-file.js');
    writeAgentFile(dataDir, {
      pid: process.pid,
      controlUrl: 'http://127.0.0.1:1',
      token: 't',
      serverUrl: 'http://127.0.0.1:1',
      startedAt: new Date().toISOString(),
    });
    await assert.rejects(repairDataDir(dataDir), { code: 'AGENT_RUNNING' });
  });
});
